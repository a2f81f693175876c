// Sorting (hash << 32 | row) keys, the form grouping by a key takes: ordered by hash, and rows
// of equal hashes in row order (which, with the row in the lower half, is ascending order of the
// whole key). In place: a plain radix sort needs a second array as large as the keys, which for
// a million rows is 8 MB more at the very moment a check holds the whole dataset. The keys are
// split in place by their top byte (each key moved straight to its part), then each part, a few
// thousand keys for a million, is radix sorted on the hash's other three bytes through a scratch
// array of the part's size, and finished by insertion sort, which puts the rows of equal hashes
// back in order in one pass since nothing else is out of place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace patrol::sdk {

inline void sortKeysInPlace(uint64_t* keys, size_t n) {
    const auto top = [](uint64_t k) { return static_cast<size_t>(k >> 56); };
    size_t next[256] = {}, stop[256];
    for (size_t i = 0; i < n; ++i) ++next[top(keys[i])];
    for (size_t b = 0, at = 0; b < 256; ++b) {
        const size_t count = next[b];
        next[b] = at;
        stop[b] = at += count;
    }
    // Each key goes to its part, displacing the key there, which goes on to its own part.
    for (size_t b = 0; b < 256; ++b) {
        while (next[b] < stop[b]) {
            uint64_t k = keys[next[b]];
            for (size_t d = top(k); d != b; d = top(k)) std::swap(k, keys[next[d]++]);
            keys[next[b]++] = k;
        }
    }
    std::vector<uint64_t> scratch;
    for (size_t b = 0, from = 0; b < 256; from = stop[b++]) {
        uint64_t* const part = keys + from;
        const size_t size = stop[b] - from;
        if (size > 32) {
            if (scratch.size() < size) scratch.resize(size);
            uint64_t *in = part, *out = scratch.data();
            for (int shift = 32; shift < 56; shift += 8) {
                size_t counts[257] = {};
                for (size_t i = 0; i < size; ++i) ++counts[((in[i] >> shift) & 0xff) + 1];
                for (size_t d = 0; d < 256; ++d) counts[d + 1] += counts[d];
                for (size_t i = 0; i < size; ++i) out[counts[(in[i] >> shift) & 0xff]++] = in[i];
                std::swap(in, out);
            }
            if (in != part) std::memcpy(part, in, size * sizeof(uint64_t));
        }
        for (size_t i = 1; i < size; ++i) {
            const uint64_t k = part[i];
            size_t j = i;
            for (; j > 0 && part[j - 1] > k; --j) part[j] = part[j - 1];
            part[j] = k;
        }
    }
}

}  // namespace patrol::sdk
