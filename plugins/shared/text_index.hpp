// Looks rows up by a text key (an id, a household number): a flat open-addressing table of
// (hash, row) pairs, one probe and one comparison per lookup in the common case. Faster and
// smaller than std::unordered_map for the 10^5..10^6 keys a county dataset holds.
#pragma once

#include "row_groups.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace patrol::plugins {

class TextIndex {
public:
    // text(row) gives the key of each row in [0, rows); empty keys are left out, and of equal
    // keys the first row is kept.
    template <class Text>
    TextIndex(uint64_t rows, Text text) {
        int bits = 4;
        while ((uint64_t{1} << bits) < rows * 2) ++bits;
        shift_ = 64 - bits;
        slots_.assign(size_t{1} << bits, kEmpty);
        for (uint64_t r = 0; r < rows; ++r) {
            const std::string_view key = text(static_cast<uint32_t>(r));
            if (key.empty()) continue;
            const uint64_t h = hashText(key);
            for (size_t i = slotOf(h);; i = (i + 1) & (slots_.size() - 1)) {
                if (slots_[i] == kEmpty) {
                    slots_[i] = (h & kHashMask) | r;
                    break;
                }
                if ((slots_[i] & kHashMask) == (h & kHashMask) && text(rowOf(slots_[i])) == key) break;
            }
        }
    }

    // The first row whose key equals `key`, if any.
    template <class Text>
    std::optional<uint32_t> find(std::string_view key, Text text) const {
        if (key.empty()) return std::nullopt;
        const uint64_t h = hashText(key);
        for (size_t i = slotOf(h);; i = (i + 1) & (slots_.size() - 1)) {
            const uint64_t slot = slots_[i];
            if (slot == kEmpty) return std::nullopt;
            if ((slot & kHashMask) == (h & kHashMask) && text(rowOf(slot)) == key) return rowOf(slot);
        }
    }

private:
    static constexpr uint64_t kEmpty = ~uint64_t{0};
    static constexpr uint64_t kHashMask = 0xffffffff00000000ULL;  // upper half: hash; lower: row
    size_t slotOf(uint64_t h) const { return static_cast<size_t>((h * 0x9e3779b97f4a7c15ULL) >> shift_); }
    static uint32_t rowOf(uint64_t slot) { return static_cast<uint32_t>(slot & 0xffffffffULL); }

    int shift_ = 60;
    std::vector<uint64_t> slots_;
};

}  // namespace patrol::plugins
