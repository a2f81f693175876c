// Finds the groups of two or more rows that share a key, in near-linear time and with few cache
// misses: each row's key hash is computed in one sequential pass, (hash, index) pairs are sorted
// in place, and only rows whose hashes collide are compared exactly. Singletons are never built,
// since every grouping rule needs at least two members. Groups come in the order of their first
// row, and each group's rows in input order.
#pragma once

#include <patrol/sdk/hash_sort.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace patrol::plugins {

class RowGroups {
public:
    // Groups the rows r in [0, rows) with include(r); hash(r) -> uint64_t; same(a, b) -> true
    // when rows a and b have the same key.
    template <class Include, class Hash, class Same>
    RowGroups(uint64_t rows, Include include, Hash hash, Same same) {
        std::vector<uint64_t> keys;  // upper half: key hash; lower half: row
        // Room for every row at once rather than a pass to count the included ones: the room
        // never written is never touched, so it costs address space, not memory.
        keys.reserve(rows);
        for (uint64_t r = 0; r < rows; ++r)
            if (include(static_cast<uint32_t>(r))) keys.push_back((hash(static_cast<uint32_t>(r)) & 0xffffffff00000000ULL) | r);
        sdk::sortKeysInPlace(keys.data(), keys.size());
        size_t begin = 0;
        while (begin < keys.size()) {
            size_t end = begin + 1;
            while (end < keys.size() && (keys[end] >> 32) == (keys[begin] >> 32)) ++end;
            if (end - begin >= 2) splitRun(keys, begin, end, same);
            begin = end;
        }
        orderByFirstRow();
    }

    size_t count() const { return start_.empty() ? 0 : start_.size() - 1; }
    size_t size(size_t group) const { return start_[group + 1] - start_[group]; }
    const uint32_t* begin(size_t group) const { return members_.data() + start_[group]; }
    const uint32_t* end(size_t group) const { return members_.data() + start_[group + 1]; }

private:
    // Hash order is random order: a rule reading its groups' rows in it misses the cache on
    // nearly every text it reads (a third of PA-02's time on a ledger where most payments
    // repeat). In first-row order the reads mostly move forward through the columns.
    void orderByFirstRow() {
        std::vector<uint64_t> order(count());
        for (size_t g = 0; g < order.size(); ++g) order[g] = uint64_t{members_[start_[g]]} << 32 | g;
        std::sort(order.begin(), order.end());
        std::vector<uint32_t> members;
        members.reserve(members_.size());
        std::vector<size_t> start{0};
        start.reserve(start_.size());
        for (const uint64_t key : order) {
            const size_t g = static_cast<size_t>(key & 0xffffffffULL);
            members.insert(members.end(), members_.begin() + static_cast<std::ptrdiff_t>(start_[g]),
                           members_.begin() + static_cast<std::ptrdiff_t>(start_[g + 1]));
            start.push_back(members.size());
        }
        if (order.empty()) start.clear();
        members_.swap(members);
        start_.swap(start);
    }

    // Rows of one hash run split into their exact groups. A run almost always is one key: that
    // is checked first and the rows go straight into the group, since the working vectors of the
    // general split cost more than the comparisons when most runs form a group, as BE-03's
    // unit-months of a few complaints each do.
    template <class Same>
    void splitRun(const std::vector<uint64_t>& keys, size_t begin, size_t end, Same same) {
        const auto rowAt = [&](size_t i) { return static_cast<uint32_t>(keys[i] & 0xffffffffULL); };
        size_t sameAsFirst = begin + 1;
        while (sameAsFirst < end && same(rowAt(begin), rowAt(sameAsFirst))) ++sameAsFirst;
        if (start_.empty()) start_.push_back(0);
        if (sameAsFirst == end) {
            for (size_t i = begin; i < end; ++i) members_.push_back(rowAt(i));
            start_.push_back(members_.size());
            return;
        }
        std::vector<uint32_t> pending;
        for (size_t i = begin; i < end; ++i) pending.push_back(rowAt(i));
        while (pending.size() >= 2) {
            std::vector<uint32_t> group, rest;
            const uint32_t first = pending.front();
            for (const uint32_t row : pending) (row == first || same(first, row) ? group : rest).push_back(row);
            if (group.size() >= 2) {
                members_.insert(members_.end(), group.begin(), group.end());
                start_.push_back(members_.size());
            }
            pending.swap(rest);
        }
    }

    std::vector<size_t> start_;
    std::vector<uint32_t> members_;
};

// A fast hash of short texts (ids, codes, names), eight bytes at a time.
inline uint64_t hashText(std::string_view s, uint64_t seed = 0x243f6a8885a308d3ULL) {
    constexpr uint64_t k = 0x9e3779b97f4a7c15ULL;
    uint64_t h = seed ^ (s.size() * k);
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    // The last 0..7 bytes as a little-endian number, read in at most two fixed-size loads (a
    // memcpy of variable length is a library call and stalls the load that follows it).
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size(), rest = n - i;
    uint64_t tail = 0;
    if (rest >= 4) {
        uint32_t lo, hi;
        std::memcpy(&lo, p + i, 4);
        std::memcpy(&hi, p + n - 4, 4);
        tail = lo | (uint64_t{hi} << (8 * (rest - 4)));
    } else if (rest > 0) {
        tail = p[i] | (uint64_t{p[i + rest / 2]} << (8 * (rest / 2))) | (uint64_t{p[n - 1]} << (8 * (rest - 1)));
    }
    h = (h ^ tail) * k;
    h ^= h >> 32;
    return h * k;
}

inline uint64_t mixHash(uint64_t seed, uint64_t value) {
    uint64_t h = (seed ^ value) * 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
}

}  // namespace patrol::plugins
