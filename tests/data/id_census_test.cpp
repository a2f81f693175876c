// IdCensus: a hash met twice is never missed, whatever the census's size; counting in parts and
// merging tells the same as counting in one; and sized for its ids, few single ids pass.
#include "core/data/id_census.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <set>
#include <stdexcept>
#include <vector>

using patrol::data::IdCensus;

namespace {

std::vector<uint32_t> randomHashes(size_t n, uint32_t seed) {
    std::mt19937 random(seed);
    std::vector<uint32_t> hashes(n);
    for (auto& h : hashes) h = static_cast<uint32_t>(random());
    return hashes;
}

}  // namespace

TEST_CASE("every hash met twice may repeat, even in a census far too small for its ids") {
    for (const uint64_t sizedFor : {uint64_t{0}, uint64_t{1000}, uint64_t{100000}}) {
        std::vector<uint32_t> hashes = randomHashes(100000, 7);
        for (size_t i = 0; i < 500; ++i) hashes.push_back(hashes[i * 97]);  // 500 repeats
        hashes.push_back(0);
        hashes.push_back(0);
        hashes.push_back(0xFFFFFFFFu);
        hashes.push_back(0xFFFFFFFFu);
        IdCensus census(sizedFor);
        for (const uint32_t h : hashes) census.add(h);
        for (size_t i = 0; i < 500; ++i) CHECK(census.mayRepeat(hashes[i * 97]));
        CHECK(census.mayRepeat(0));
        CHECK(census.mayRepeat(0xFFFFFFFFu));
    }
}

TEST_CASE("sized for its ids, a census lets few single ids pass for repeats") {
    const std::vector<uint32_t> hashes = randomHashes(510000, 11);
    IdCensus census(hashes.size());
    for (const uint32_t h : hashes) census.add(h);
    size_t passed = 0;
    for (const uint32_t h : hashes) passed += census.mayRepeat(h) ? 1 : 0;
    // Eight slots or more per id: about one single id in eight at most (0.115 here).
    CHECK(passed < hashes.size() / 8);
    CHECK(passed > 0);
}

TEST_CASE("stretches counted apart and merged tell the same as one census of all") {
    const std::vector<uint32_t> first = randomHashes(30000, 3), second = randomHashes(30000, 5);
    std::vector<uint32_t> both = first;
    both.insert(both.end(), second.begin(), second.end());
    both.push_back(first[10]);  // once in each stretch
    IdCensus whole(both.size()), a(both.size()), b(both.size());
    for (const uint32_t h : both) whole.add(h);
    for (const uint32_t h : first) a.add(h);
    for (size_t i = 0; i < second.size(); ++i) b.add(second[i]);
    b.add(first[10]);
    a.merge(b);
    for (const uint32_t h : both) CHECK(a.mayRepeat(h) == whole.mayRepeat(h));
    CHECK(a.mayRepeat(first[10]));
    const std::vector<uint32_t> unseen = randomHashes(1000, 99);
    for (const uint32_t h : unseen) CHECK(a.mayRepeat(h) == whole.mayRepeat(h));
}

TEST_CASE("censuses of different sizes are not merged") {
    IdCensus small(1000), large(1000000);
    CHECK_THROWS_AS(small.merge(large), std::logic_error);
}
