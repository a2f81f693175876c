#include "core/data/text_index.hpp"

#include <patrol/sdk/rows.hpp>

#include <cstring>

namespace patrol::data {

namespace {

constexpr size_t kInSlot = 8;  // texts up to this long are held in their slot

constexpr uint64_t kMix = 0x9E3779B97F4A7C15ull;

uint64_t word(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

uint64_t mixed(uint64_t h, uint64_t w) {
    h = (h ^ w) * kMix;
    return h ^ (h >> 29);
}

}  // namespace

namespace detail {

// 16 bytes a step in two lanes that do not wait for each other; the last step takes the last 16
// bytes, overlapping the step before (a load of fixed size, where the remaining bytes alone would
// take a call to memcpy).
uint64_t hashOfLong(std::string_view text) {
    const char* p = text.data();
    const size_t n = text.size();
    uint64_t a = n * kMix, b = ~n * kMix;
    for (size_t i = 0; i + 16 < n; i += 16) {
        a = mixed(a, word(p + i));
        b = mixed(b, word(p + i + 8));
    }
    a = mixed(a, word(p + n - 16));
    b = mixed(b, word(p + n - 8));
    return (a ^ (b << 32 | b >> 32)) * kMix;
}

// 8 bytes at a time, the last 8 overlapping the ones before (n > 8).
bool sameLong(const char* x, const char* y, size_t n) {
    for (size_t i = 0; i + 8 < n; i += 8)
        if (word(x + i) != word(y + i)) return false;
    return word(x + n - 8) == word(y + n - 8);
}

}  // namespace detail

namespace {

// 9 to 16 bytes: the first 8 and the last 8, overlapping when shorter than 16.
uint64_t hashOfMiddle(const char* p, size_t n) { return mixed(mixed(n * kMix, word(p)), word(p + n - 8)) * kMix; }

// What a slot holds for `text`: the text itself up to 8 bytes, a hash of it when longer.
uint64_t wordOf(std::string_view text) {
    const size_t n = text.size();
    if (n <= kInSlot) return sdk::detail::wordOfShort(reinterpret_cast<const unsigned char*>(text.data()), n);
    if (n <= 16) return hashOfMiddle(text.data(), n);
    return detail::hashOfLong(text);
}

// Where a slot's probe starts: the high bits of its word, mixed. Texts that differ only by
// trailing zero bytes start at the same slot and are told apart by their length.
size_t startOf(uint64_t word, int bits) { return static_cast<size_t>((word * kMix) >> (64 - bits)); }

}  // namespace

uint32_t TextIndex::entryOf(std::string_view text, PodBuffer<uint32_t>& offsets, PodBuffer<char>& bytes) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    const uint64_t word = wordOf(text);
    const auto size = static_cast<uint32_t>(text.size());
    const size_t mask = slots_.size() - 1;
    for (size_t i = startOf(word, bits_);; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.entryPlusOne == 0) {
            const auto k = static_cast<uint32_t>(offsets.size() - 1);
            if (!text.empty()) std::memcpy(bytes.prepare(text.size()), text.data(), text.size());
            bytes.commit(text.size());
            offsets.push_back(static_cast<uint32_t>(bytes.size()));
            slot = {word, size, k + 1};
            ++size_;
            return k;
        }
        if (slot.word != word || slot.size != size) continue;
        const uint32_t k = slot.entryPlusOne - 1;
        if (size <= kInSlot || detail::sameLong(bytes.data() + offsets[k], text.data(), size)) return k;
    }
}

void TextIndex::grow() {
    std::vector<Slot> old(slots_.empty() ? 64 : 2 * slots_.size());
    old.swap(slots_);
    bits_ = __builtin_ctzll(slots_.size());
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
        if (s.entryPlusOne == 0) continue;
        size_t i = startOf(s.word, bits_);
        while (slots_[i].entryPlusOne != 0) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

}  // namespace patrol::data
