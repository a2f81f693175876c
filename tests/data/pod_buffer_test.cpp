// PodBuffer's page-moving append: the values arrive exactly, adjusted, whatever the page
// alignment of either buffer, and the buffer can still grow, shrink and be freed afterwards.
#include "core/data/pod_buffer.hpp"

#include <catch2/catch.hpp>

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <vector>

using patrol::data::PodBuffer;

namespace {

template <class T>
PodBuffer<T> filled(size_t n, T first) {
    PodBuffer<T> b;
    for (size_t i = 0; i < n; ++i) b.push_back(static_cast<T>(first + static_cast<T>(i)));
    return b;
}

template <class T>
std::vector<T> values(const PodBuffer<T>& b) {
    return std::vector<T>(b.data(), b.data() + b.size());
}

}  // namespace

TEST_CASE("appendMovingPages appends the values from `from` on, adjusted, at any alignment") {
    // Sizes around page boundaries for 8-byte values (512 per page), both buffers.
    for (const size_t mine : {size_t{0}, size_t{1}, size_t{511}, size_t{512}, size_t{513}, size_t{5000}}) {
        for (const size_t theirs : {size_t{1}, size_t{2}, size_t{512}, size_t{1025}, size_t{70000}}) {
            INFO(mine << " + " << theirs);
            PodBuffer<uint64_t> a = filled<uint64_t>(mine, 1);
            PodBuffer<uint64_t> b = filled<uint64_t>(theirs, 1000000);
            std::vector<uint64_t> want = values(a);
            for (size_t i = 1; i < theirs; ++i) want.push_back(1000000 + i + 7);
            a.appendMovingPages(b, 1, [](uint64_t v) { return v + 7; });
            CHECK(values(a) == want);
            CHECK(b.size() == 0);
            CHECK(b.data() == nullptr);
            // Still an ordinary buffer: it grows past its mappings, and shrinks.
            for (uint64_t v = 0; v < 100000; ++v) a.push_back(v);
            CHECK(a.size() == want.size() + 100000);
            CHECK(a[a.size() - 1] == 99999);
            CHECK((want.empty() || a[want.size() - 1] == want.back()));
            a.releaseSpare();
            a.truncate(want.size());
            CHECK(values(a) == want);
        }
    }
}

TEST_CASE("appendMovingPages of bytes keeps the text whole, twice in a row") {
    PodBuffer<char> a, b, c;
    std::string want;
    for (int i = 0; i < 10000; ++i) {
        const std::string piece = "第" + std::to_string(i) + "行,";
        (i < 3333 ? a : i < 7000 ? b : c).append(piece.data(), piece.size());
        want += piece;
    }
    auto same = [](char v) { return v; };
    a.appendMovingPages(b, 0, same);
    a.appendMovingPages(c, 0, same);
    CHECK(std::string(a.data(), a.size()) == want);
    PodBuffer<char> empty;
    a.appendMovingPages(empty, 0, same);  // nothing to move
    CHECK(std::string(a.data(), a.size()) == want);
}

TEST_CASE("appendMovingPages from a buffer that holds moved pages itself") {
    // b takes c's pages, so b's mapping is in pieces when a takes b's: moved or copied, the
    // values arrive the same.
    PodBuffer<uint32_t> a = filled<uint32_t>(3000, 1);
    PodBuffer<uint32_t> b = filled<uint32_t>(5000, 10000);
    PodBuffer<uint32_t> c = filled<uint32_t>(7000, 20000);
    std::vector<uint32_t> want = values(a);
    for (uint32_t v : values(b)) want.push_back(v);
    for (uint32_t v : values(c)) want.push_back(v);
    auto same = [](uint32_t v) { return v; };
    b.appendMovingPages(c, 0, same);
    a.appendMovingPages(b, 0, same);
    CHECK(values(a) == want);
    CHECK(b.size() == 0);
}

TEST_CASE("zeros gives a buffer of zeros that grows like any other") {
    PodBuffer<uint64_t> b = PodBuffer<uint64_t>::zeros(70000);
    REQUIRE(b.size() == 70000);
    CHECK(values(b) == std::vector<uint64_t>(70000, 0));
    b.push_back(5);
    CHECK(b.size() == 70001);
    CHECK(b[70000] == 5);
    CHECK(PodBuffer<uint64_t>::zeros(0).size() == 0);
}

namespace {

// Pages of the buffer's mapping the process has taken (mincore), over its first `bytes`.
size_t residentPages(const void* data, size_t bytes) {
    const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> in((bytes + page - 1) / page);
    REQUIRE(::mincore(const_cast<void*>(data), bytes, in.data()) == 0);
    size_t n = 0;
    for (unsigned char v : in) n += v & 1;
    return n;
}

}  // namespace

TEST_CASE("a buffer takes pages as it grows: one for a few values, doubling while small") {
    const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    PodBuffer<char> b;
    b.push_back('x');
    CHECK(residentPages(b.data(), 64 * 1024) == 1);
    // Past its first page it takes as many as it has again: two pages, then four.
    b.append(std::string(page, 'y').data(), page);
    CHECK(residentPages(b.data(), 64 * 1024) == 2);
    b.append(std::string(page, 'y').data(), page);
    CHECK(residentPages(b.data(), 64 * 1024) == 4);
    // Once large, it keeps at most 64 KB ready past what it holds.
    const std::string chunk(100000, 'z');
    for (int i = 0; i < 10; ++i) b.append(chunk.data(), chunk.size());
    const size_t held = (b.size() + page - 1) / page;
    const size_t resident = residentPages(b.data(), b.size() + 128 * 1024);
    CHECK(resident >= held);
    CHECK(resident <= held + 64 * 1024 / page);
    b.releaseSpare();
    CHECK(residentPages(b.data(), b.size() + 128 * 1024) == held);
}

TEST_CASE("values whose size does not divide a page are faulted in ahead as well") {
    // The finding arena's records are 56 bytes: the pages ahead of them must still be asked for
    // from a page boundary, or the kernel refuses and each page faults in on its own.
    struct Record {
        uint64_t fields[7];
    };
    static_assert(sizeof(Record) == 56);
    const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    PodBuffer<Record> b;
    for (uint64_t i = 0; i < 1000; ++i) b.push_back(Record{{i, i, i, i, i, i, i}});
    const size_t held = (b.size() * sizeof(Record) + page - 1) / page;
    const size_t resident = residentPages(b.data(), b.capacity() * sizeof(Record));
    CHECK(resident > held);
    CHECK(resident <= held + 64 * 1024 / page);
    CHECK(b[999].fields[6] == 999);
}
