// The distinct texts of a coded string column while it is read (ABI 1.3, text_codes): finds
// the entry a text already has, or adds it. The entries themselves live in the column (its
// offsets and bytes); this holds only where to find each, and is dropped once the table is read.
//
// It runs once per value of every coded column, where spelling the value out would be a short
// copy, so a lookup must cost about as little: a text of up to 16 bytes (codes, names, most
// items) is its own key, compared in two words without touching the column's bytes; a longer
// one is keyed by its hash and compared byte by byte only when that matches. The probed table
// holds 8 bytes a slot (a tag from the hash and the entry), the keys sit apart by entry: with
// several columns of thousands of texts each, the tables of a row's columns stay in the cache.
#pragma once

#include "core/data/pod_buffer.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace patrol::data {

namespace detail {
// For texts longer than 16 bytes (n > 16): their hash, and whether two of the same length are
// equal. Exposed for tests: a lookup compares texts only when their hashes match, so a fault in
// either one alone would not show through TextIndex.
uint64_t hashOfLong(std::string_view text);
bool sameLong(const char* x, const char* y, size_t n);
}  // namespace detail

class TextIndex {
public:
    // The entry holding `text`, appended to `offsets` and `bytes` (offsets[k + 1] ends entry k)
    // when no entry holds it yet.
    uint32_t entryOf(std::string_view text, PodBuffer<uint32_t>& offsets, PodBuffer<char>& bytes);
    size_t size() const { return keys_.size(); }

    struct Key {
        uint64_t head = 0;  // up to 16 bytes: the first 8, zero-padded; longer: a hash of all
        uint64_t tail = 0;  // up to 16 bytes: the next 8, zero-padded; longer: the first 8
        uint32_t size = 0;
    };
    static Key keyOf(std::string_view text);

private:
    struct Slot {
        uint32_t tag = 0;           // the key's hash, low bits
        uint32_t entryPlusOne = 0;  // 0: empty
    };
    void grow();

    std::vector<Slot> slots_;  // open addressing, a power of two, at most half full
    std::vector<Key> keys_;    // by entry
    int bits_ = 0;             // slots_.size() == 1 << bits_
};

}  // namespace patrol::data
