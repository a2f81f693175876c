// Which 32-bit id hashes occur more than once, told in one pass over a column before anything is
// sorted. The repeated-id check needs only the ids that repeat, and in a county's ledgers nearly
// every id occurs once: sorting only the rows whose hash was met twice sorts a fraction of them.
//
// Two bits per slot, side by side in one cache line: set when a hash of the slot is met, and
// again when one is met a second time. There are eight or more slots per id, so at most about one
// id in eight that occurs once shares its slot with another and passes for a repeat (the sort and
// the exact comparison that follow sort that out); a repeated hash is never missed. 1 MB for
// 510,000 ids, which a core's cache holds. (Four slots per id took half the memory and let twice
// as many single ids through: 4.1 ms against 3.2 ms to find the repeats of 510,000 payments.)
#pragma once

#include "core/data/pod_buffer.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace patrol::data {

class IdCensus {
public:
    IdCensus() = default;  // to be assigned a sized one before use
    // Sized for about `ids` ids; the size changes only how many single ids pass for repeats.
    explicit IdCensus(uint64_t ids) {
        int bits = 10;
        while (bits < 30 && (uint64_t{1} << bits) < ids * 8) ++bits;
        shift_ = 32 - bits;
        words_ = PodBuffer<uint64_t>::zeros(size_t{2} << (bits - 6));
    }

    void add(uint32_t hash) {
        const uint32_t slot = hash >> shift_;
        uint64_t* const pair = words_.data() + 2 * (slot >> 6);
        const uint64_t bit = uint64_t{1} << (slot & 63);
        pair[1] |= pair[0] & bit;
        pair[0] |= bit;
    }

    // Counts the hashes `other` has met as met here too: the stretches of a file are counted
    // side by side, each in a census sized for the whole file.
    void merge(const IdCensus& other) {
        if (other.words_.size() != words_.size()) throw std::logic_error("IdCensus::merge: censuses of different sizes");
        uint64_t* const w = words_.data();
        for (size_t i = 0; i < words_.size(); i += 2) {
            w[i + 1] |= other.words_[i + 1] | (w[i] & other.words_[i]);
            w[i] |= other.words_[i];
        }
    }

    // True for every hash added twice or more, and for some added once.
    bool mayRepeat(uint32_t hash) const {
        const uint32_t slot = hash >> shift_;
        return (words_[2 * (slot >> 6) + 1] >> (slot & 63)) & 1;
    }

private:
    int shift_ = 22;
    PodBuffer<uint64_t> words_;  // per 64 slots: met once, met again
};

}  // namespace patrol::data
