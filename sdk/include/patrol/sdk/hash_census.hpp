// Which 32-bit hashes occur more than once, told in one pass before anything is sorted. Grouping
// rows by a key with two rows or more to a group (RowGroups), or finding the ids of a column that
// repeat (the host), needs only the rows whose hash repeats; in a county's ledgers most keys occur
// once, and sorting only the rows whose hash was met twice sorts a fraction of them.
//
// Two bits per slot, side by side in one cache line: set when a hash of the slot is met, and
// again when one is met a second time. There are eight or more slots per key, so at most about one
// key in eight that occurs once shares its slot with another and passes for a repeat (the sort and
// the exact comparison that follow sort that out); a repeated hash is never missed. 1 MB for
// 510,000 keys, which a core's cache holds. (Four slots per key took half the memory and let twice
// as many single keys through: 4.1 ms against 3.2 ms to find the repeats of 510,000 payments.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

namespace patrol::sdk {

// How large a census for about `keys` hashes is: slots are the top `32 - shift` bits of a hash.
struct CensusSize {
    int shift = 22;
    size_t words = 0;  // uint64_t words: per 64 slots, one "met" word and one "met again" word
};

inline CensusSize censusSizeFor(uint64_t keys) {
    int bits = 10;
    while (bits < 30 && (uint64_t{1} << bits) < keys * 8) ++bits;
    return {32 - bits, size_t{2} << (bits - 6)};
}

// `Words` holds the census's bits: zeroed uint64_t words with data() and size(). A plugin's are a
// std::vector (HashCensus, below); the host keeps its own in mappings of their own.
template <class Words>
class BasicHashCensus {
public:
    BasicHashCensus() = default;  // to be assigned a sized one before use
    BasicHashCensus(CensusSize size, Words zeroed) : shift_(size.shift), words_(std::move(zeroed)) {}

    void add(uint32_t hash) {
        const uint32_t slot = hash >> shift_;
        uint64_t* const pair = words_.data() + 2 * (slot >> 6);
        const uint64_t bit = uint64_t{1} << (slot & 63);
        pair[1] |= pair[0] & bit;
        pair[0] |= bit;
    }

    // Counts the hashes `other` has met as met here too: parts of one column counted side by
    // side, each in a census sized for the whole column.
    void merge(const BasicHashCensus& other) {
        if (other.words_.size() != words_.size()) throw std::logic_error("HashCensus::merge: censuses of different sizes");
        uint64_t* const w = words_.data();
        const uint64_t* const o = other.words_.data();
        for (size_t i = 0; i < words_.size(); i += 2) {
            w[i + 1] |= o[i + 1] | (w[i] & o[i]);
            w[i] |= o[i];
        }
    }

    // True for every hash added twice or more, and for some added once.
    bool mayRepeat(uint32_t hash) const {
        const uint32_t slot = hash >> shift_;
        return (words_.data()[2 * (slot >> 6) + 1] >> (slot & 63)) & 1;
    }

private:
    int shift_ = 22;
    Words words_;
};

class HashCensus : public BasicHashCensus<std::vector<uint64_t>> {
public:
    // Sized for about `keys` hashes; the size changes only how many single ones pass for repeats.
    explicit HashCensus(uint64_t keys) : HashCensus(censusSizeFor(keys)) {}

private:
    explicit HashCensus(CensusSize size) : BasicHashCensus(size, std::vector<uint64_t>(size.words)) {}
};

}  // namespace patrol::sdk
