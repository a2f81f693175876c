// Looks rows up by a text key (an id, a household number, a project id): a flat open-addressing
// table whose 16-byte slots hold what a lookup needs to decide without the table's own columns.
// A key of up to 8 bytes (most ids and codes) is held in its slot, with its length, so it is found
// or ruled out from the slot alone; a longer key is held as its hash and length, and compared with
// the row's text only when both match. Each slot also holds its row and one bit the caller sets
// per row when building (PA-01: the household was removed), read with the row at no extra cost.
//
// Why the key sits in the slot: with 4-byte slots (a row and a few bits of hash) every find also
// read the row's offsets and text, and PA-01 its status, in columns of megabytes, one cache miss
// after another behind the slot's. On the usual ledger PA-01's 510,000 finds took 18-75 ms
// depending on how quick the machine's memory was at the moment; with the key and the bit in the
// slot, fetched ahead, 8.5-15 ms, timed in the same runs (bench/README.md, "Keys held in the
// slot"). The price is memory: 5.4 MB for 225,000 households instead of 2 MB, freed with the
// index.
#pragma once

#include <patrol/sdk/rows.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace patrol::plugins {

class TextIndex {
public:
    // What a find gives back: the first row holding the key, and the bit set for that row.
    class Entry {
    public:
        uint32_t row() const { return row_; }
        bool marked() const { return (sizeAndMark_ & 1) != 0; }

    private:
        friend class TextIndex;
        uint64_t word_ = 0;         // the key's bytes, zero-padded (up to 8), or its hash (longer)
        uint32_t row_ = 0;
        uint32_t sizeAndMark_ = 0;  // the key's length << 1 | the row's bit; 0: an empty slot
    };

    // text(row) gives the key of each row in [0, rows); empty keys are left out, and of equal
    // keys the first row is kept. marked(row) is the bit Entry::marked() gives back.
    template <class Text>
    TextIndex(uint64_t rows, Text text) : TextIndex(rows, text, [](uint32_t) { return false; }) {}

    template <class Text, class Marked>
    TextIndex(uint64_t rows, Text text, Marked marked) {
        // A table's text offsets are 32-bit, so it never has this many rows.
        if (rows > UINT32_MAX) throw std::length_error("TextIndex: too many rows");
        // At most two thirds full: with the keys in the slots a longer probe costs little, and
        // the table is a quarter smaller than at half full.
        slotCount_ = std::max<uint64_t>(16, rows + rows / 2);
        slots_.assign(slotCount_, Entry{});
        // Each row's slot is fetched some rows ahead of its insert: the table is megabytes, and
        // the inserts would otherwise wait for one cache miss after another.
        constexpr uint64_t kAhead = 16;
        std::array<Probe, kAhead> ahead{};
        const auto probeRow = [&](uint64_t r) {
            const std::string_view key = text(static_cast<uint32_t>(r));
            if (!usable(key)) return Probe{};
            const Probe probe = probeOf(key);
            __builtin_prefetch(&slots_[probe.slot], 1);
            return probe;
        };
        for (uint64_t r = 0; r < std::min(rows, kAhead); ++r) ahead[r] = probeRow(r);
        for (uint64_t r = 0; r < rows; ++r) {
            const Probe probe = ahead[r % kAhead];
            if (r + kAhead < rows) ahead[r % kAhead] = probeRow(r + kAhead);
            if (probe.size == 0) continue;
            const auto row = static_cast<uint32_t>(r);
            for (size_t i = probe.slot;; i = next(i)) {
                Entry& e = slots_[i];
                if (e.sizeAndMark_ == 0) {
                    e.word_ = probe.word;
                    e.row_ = row;
                    e.sizeAndMark_ = probe.size << 1 | (marked(row) ? 1u : 0u);
                    break;
                }
                if (holds(e, probe, text(row), text)) break;
            }
        }
    }

    // The entry of the first row whose key equals `key`; nullptr when none does.
    template <class Text>
    const Entry* find(std::string_view key, Text text) const {
        if (!usable(key)) return nullptr;
        const Probe probe = probeOf(key);
        for (size_t i = probe.slot;; i = next(i)) {
            const Entry& e = slots_[i];
            if (e.sizeAndMark_ == 0) return nullptr;
            if (holds(e, probe, key, text)) return &e;
        }
    }

    // Fetches into the cache the slot where find(key) will start, without waiting for it. A
    // loop over hundreds of thousands of rows calls it some rows ahead of its find: each find
    // otherwise waits for a slot of a table of megabytes.
    void prefetch(std::string_view key) const {
        if (usable(key)) __builtin_prefetch(&slots_[slotOf(sdk::textHash(key))]);
    }

private:
    static constexpr size_t kShortKey = 8;

    struct Probe {
        uint64_t word = 0;
        uint32_t size = 0;  // 0: no key
        size_t slot = 0;
    };

    // Lengths are kept in 31 bits. A key is one field of a ledger (at most a few MB): a longer
    // one is in no row as far as the index is concerned, as an empty one is in none.
    static bool usable(std::string_view key) { return !key.empty() && key.size() < (size_t{1} << 31); }

    Probe probeOf(std::string_view key) const {
        const uint64_t hash = sdk::textHash(key);
        const uint64_t word =
            key.size() <= kShortKey ? sdk::detail::wordOfShort(reinterpret_cast<const unsigned char*>(key.data()), key.size()) : hash;
        return {word, static_cast<uint32_t>(key.size()), slotOf(hash)};
    }

    // Equal length and word decide a short key; a longer one's text is compared as well.
    template <class Text>
    static bool holds(const Entry& e, const Probe& probe, std::string_view key, Text& text) {
        return e.word_ == probe.word && e.sizeAndMark_ >> 1 == probe.size && (probe.size <= kShortKey || text(e.row_) == key);
    }

    // The hash's high bits scaled to the slots (any count of them, not only powers of two).
    size_t slotOf(uint64_t hash) const {
        __extension__ using Wide = unsigned __int128;
        return static_cast<size_t>((static_cast<Wide>(hash) * slotCount_) >> 64);
    }
    size_t next(size_t i) const { return i + 1 == slotCount_ ? 0 : i + 1; }

    uint64_t slotCount_ = 0;
    std::vector<Entry> slots_;
};

}  // namespace patrol::plugins
