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

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <utility>

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

// `Words` holds the census's bits: zeroed uint64_t words with data() and size(). A plugin's are in
// a mapping of their own (HashCensus, below), and so are the host's (core/data/id_census.hpp).
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

namespace detail {

// A census's words in an anonymous mapping of their own, which reads as zeros: nothing is written
// before use, and giving it back leaves malloc as it was. Taken from malloc, a census of 1 MB freed
// raised malloc's threshold for mapping blocks of their own, and the vectors a rule grew after it
// then stayed in the heap as they grew: about 4 MB more at the peak of a findings-heavy
// poverty_alleviation check (256,826 findings), past its memory goal (bench/README.md).
class MappedWords {
public:
    explicit MappedWords(size_t words) {
        if (words == 0) return;
        void* p = ::mmap(nullptr, words * sizeof(uint64_t), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_POPULATE_WRITE
        // Filled in at once (Linux 5.14; older kernels refuse and the pages fault one by one).
        // Otherwise add()'s first read of a page maps the shared zero page and its write right
        // after faults again to replace it, and that replacement interrupts the plugin's other
        // threads to flush their TLBs: one interruption per 4 KiB page of the census.
        ::madvise(p, words * sizeof(uint64_t), MADV_POPULATE_WRITE);
#endif
        data_ = static_cast<uint64_t*>(p);
        size_ = words;
    }
    MappedWords() = default;
    MappedWords(MappedWords&& o) noexcept : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)) {}
    MappedWords& operator=(MappedWords&& o) noexcept {
        if (this != &o) {
            release();
            data_ = std::exchange(o.data_, nullptr);
            size_ = std::exchange(o.size_, 0);
        }
        return *this;
    }
    MappedWords(const MappedWords&) = delete;
    MappedWords& operator=(const MappedWords&) = delete;
    ~MappedWords() { release(); }

    uint64_t* data() { return data_; }
    const uint64_t* data() const { return data_; }
    size_t size() const { return size_; }

private:
    void release() {
        if (data_) ::munmap(data_, size_ * sizeof(uint64_t));
        data_ = nullptr;
        size_ = 0;
    }

    uint64_t* data_ = nullptr;
    size_t size_ = 0;
};

}  // namespace detail

class HashCensus : public BasicHashCensus<detail::MappedWords> {
public:
    // Sized for about `keys` hashes; the size changes only how many single ones pass for repeats.
    explicit HashCensus(uint64_t keys) : HashCensus(censusSizeFor(keys)) {}

private:
    explicit HashCensus(CensusSize size) : BasicHashCensus(size, detail::MappedWords(size.words)) {}
};

}  // namespace patrol::sdk
