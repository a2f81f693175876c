// Looks rows up by a text key (an id, a household number): a flat open-addressing table of
// 32-bit slots, each a row and as many bits of its key's hash as the row leaves room for, one
// probe and one comparison per lookup in the common case. Faster and smaller than
// std::unordered_map for the 10^5..10^6 keys a county dataset holds; 4 bytes a slot rather than
// 8 halve what the table adds to a check's peak (2 MB for 225,000 households) and keep more of
// it in the cache. With 2^18 rows 14 bits of hash remain, so a row's text is compared in
// vain about once in 16,000 probes; past 2^31 rows none remain, and every probe compares.
#pragma once

#include <patrol/sdk/rows.hpp>

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
        while (rowBits_ < 32 && (uint64_t{1} << rowBits_) <= rows) ++rowBits_;
        tagMask_ = rowBits_ >= 32 ? 0 : ~uint32_t{0} << rowBits_;
        slots_.assign(size_t{1} << bits, kEmpty);
        for (uint64_t r = 0; r < rows; ++r) {
            const std::string_view key = text(static_cast<uint32_t>(r));
            if (key.empty()) continue;
            const uint64_t h = sdk::textHash(key);
            for (size_t i = slotOf(h);; i = (i + 1) & (slots_.size() - 1)) {
                if (slots_[i] == kEmpty) {
                    slots_[i] = tagOf(h) | static_cast<uint32_t>(r);
                    break;
                }
                if ((slots_[i] & tagMask_) == tagOf(h) && text(rowOf(slots_[i])) == key) break;
            }
        }
    }

    // The first row whose key equals `key`, if any.
    template <class Text>
    std::optional<uint32_t> find(std::string_view key, Text text) const {
        if (key.empty()) return std::nullopt;
        const uint64_t h = sdk::textHash(key);
        const uint32_t tag = tagOf(h);
        for (size_t i = slotOf(h);; i = (i + 1) & (slots_.size() - 1)) {
            const uint32_t slot = slots_[i];
            if (slot == kEmpty) return std::nullopt;
            if ((slot & tagMask_) == tag && text(rowOf(slot)) == key) return rowOf(slot);
        }
    }

    // Fetches into the cache the slot where find(key) will start, without waiting for it. A
    // loop over hundreds of thousands of rows calls it some rows ahead of its find: each find
    // otherwise waits for a slot of a table of megabytes, one cache miss after another.
    void prefetch(std::string_view key) const {
        if (!key.empty()) __builtin_prefetch(&slots_[slotOf(sdk::textHash(key))]);
    }

private:
    // A row is below 2^rowBits_ - 1 (rows < 2^rowBits_), so no slot in use is all ones.
    static constexpr uint32_t kEmpty = ~uint32_t{0};
    size_t slotOf(uint64_t h) const { return static_cast<size_t>((h * 0x9e3779b97f4a7c15ULL) >> shift_); }
    uint32_t tagOf(uint64_t h) const { return static_cast<uint32_t>(h >> 32) & tagMask_; }
    uint32_t rowOf(uint32_t slot) const { return slot & ~tagMask_; }

    int shift_ = 60;
    int rowBits_ = 1;
    uint32_t tagMask_ = 0;  // the slot's bits above its row: hash bits
    std::vector<uint32_t> slots_;
};

}  // namespace patrol::plugins
