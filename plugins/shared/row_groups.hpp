// Groups rows by a key in one pass (open addressing on the key's hash), so grouping rules
// stay linear in the number of rows. Groups keep the order in which they first appear.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace patrol::plugins {

class RowGroups {
public:
    // hash(row) -> uint64_t; same(a, b) -> true when rows a and b have the same key.
    template <class Hash, class Same>
    RowGroups(const std::vector<uint32_t>& rows, Hash hash, Same same) {
        int bits = 4;
        while ((size_t{1} << bits) < rows.size() * 2) ++bits;
        const size_t capacity = size_t{1} << bits, mask = capacity - 1;
        std::vector<uint32_t> slots(capacity, 0);  // group + 1, 0 = empty
        std::vector<uint64_t> groupHash;
        std::vector<uint32_t> groupOf(rows.size());
        for (size_t k = 0; k < rows.size(); ++k) {
            const uint32_t row = rows[k];
            const uint64_t h = hash(row);
            // Fibonacci hashing spreads weak low bits of combined hashes over the table.
            size_t i = static_cast<size_t>((h * 0x9e3779b97f4a7c15ULL) >> (64 - bits));
            for (;; i = (i + 1) & mask) {
                const uint32_t slot = slots[i];
                if (slot == 0) {
                    slots[i] = static_cast<uint32_t>(firstRow_.size() + 1);
                    groupOf[k] = static_cast<uint32_t>(firstRow_.size());
                    firstRow_.push_back(row);
                    groupHash.push_back(h);
                    break;
                }
                if (groupHash[slot - 1] == h && same(firstRow_[slot - 1], row)) {
                    groupOf[k] = slot - 1;
                    break;
                }
            }
        }
        // Counting sort: members of each group contiguous, in input order.
        start_.assign(firstRow_.size() + 1, 0);
        for (const uint32_t g : groupOf) ++start_[g + 1];
        for (size_t g = 0; g < firstRow_.size(); ++g) start_[g + 1] += start_[g];
        members_.resize(rows.size());
        std::vector<uint32_t> next(start_.begin(), start_.end() - 1);
        for (size_t k = 0; k < rows.size(); ++k) members_[next[groupOf[k]]++] = rows[k];
    }

    size_t count() const { return firstRow_.size(); }
    size_t size(size_t group) const { return start_[group + 1] - start_[group]; }
    const uint32_t* begin(size_t group) const { return members_.data() + start_[group]; }
    const uint32_t* end(size_t group) const { return members_.data() + start_[group + 1]; }

private:
    std::vector<uint32_t> firstRow_;
    std::vector<uint32_t> start_;
    std::vector<uint32_t> members_;
};

// Hash helpers for composite keys.
inline uint64_t hashText(std::string_view s) { return std::hash<std::string_view>{}(s); }
inline uint64_t mixHash(uint64_t seed, uint64_t value) {
    return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

}  // namespace patrol::plugins
