// The distinct texts of a coded string column while it is read (ABI 1.3, text_codes): finds
// the entry a text already has, or adds it. The entries themselves live in the column (its
// offsets and bytes); this holds only where to find each, and is dropped once the table is read.
//
// It runs once per value of every coded column, where spelling the value out would be a short
// copy, so a lookup must cost about as little: one probe of one 16-byte slot in the common case.
// A text of up to 8 bytes (unit codes, categories, short names) is held in its slot itself and
// found without touching anything else; a longer one is held by its hash and compared with the
// column's bytes only when hash and length match. With several coded columns of hundreds of
// texts each, the tables of a row's columns stay in the cache.
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
    size_t size() const { return size_; }

private:
    struct Slot {
        uint64_t word = 0;          // up to 8 bytes: the text, zero-padded; longer: its hash
        uint32_t size = 0;          // the text's length in bytes
        uint32_t entryPlusOne = 0;  // 0: empty
    };
    void grow();

    std::vector<Slot> slots_;  // open addressing, a power of two, at most half full
    size_t size_ = 0;          // entries
    int bits_ = 0;             // slots_.size() == 1 << bits_
};

}  // namespace patrol::data
