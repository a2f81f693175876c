#include "core/data/text_index.hpp"

#include <cstring>

namespace patrol::data {

namespace {

constexpr size_t kShort = 16;  // texts up to this long are their own key

// The 16 bytes from `p` as two words, only the first `n` (at most 16) kept. When the 16 bytes
// stay within p's page they are loaded at once, reading past the text but never past memory
// that is mapped; the sanitizer is told so, since it would see a read past the text's buffer.
__attribute__((no_sanitize("address"))) inline void loadShort(const char* p, size_t n, uint64_t& head, uint64_t& tail) {
    head = tail = 0;
    if (n == 0) return;
    if ((reinterpret_cast<uintptr_t>(p) & 4095) <= 4096 - kShort) {
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + 8, 8);
    } else {
        char padded[kShort] = {};
        std::memcpy(padded, p, n);
        std::memcpy(&head, padded, 8);
        std::memcpy(&tail, padded + 8, 8);
        return;
    }
    if (n < 8) {
        head &= ~uint64_t{0} >> (64 - 8 * n);
        tail = 0;
    } else if (n == 8) {
        tail = 0;
    } else if (n < 16) {
        tail &= ~uint64_t{0} >> (64 - 8 * (n - 8));
    }
}

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

// 8 bytes at a time, the last 8 overlapping the ones before.
bool sameLong(const char* x, const char* y, size_t n) {
    for (size_t i = 0; i + 8 < n; i += 8)
        if (word(x + i) != word(y + i)) return false;
    return word(x + n - 8) == word(y + n - 8);
}

}  // namespace detail

namespace {

bool sameKey(const TextIndex::Key& a, const TextIndex::Key& b) { return a.head == b.head && a.tail == b.tail && a.size == b.size; }

// A mix of both words: its high bits say where the key's probe starts, its low bits tag it.
uint64_t hashOf(const TextIndex::Key& k) { return (k.head ^ (k.tail * 0xC2B2AE3D27D4EB4Full) ^ k.size) * kMix; }

}  // namespace

TextIndex::Key TextIndex::keyOf(std::string_view text) {
    Key k;
    k.size = static_cast<uint32_t>(text.size());
    if (text.size() <= kShort) {
        loadShort(text.data(), text.size(), k.head, k.tail);
    } else {
        k.head = detail::hashOfLong(text);
        std::memcpy(&k.tail, text.data(), 8);
    }
    return k;
}

uint32_t TextIndex::entryOf(std::string_view text, PodBuffer<uint32_t>& offsets, PodBuffer<char>& bytes) {
    if (2 * (keys_.size() + 1) > slots_.size()) grow();
    const Key key = keyOf(text);
    const uint64_t hash = hashOf(key);
    const auto tag = static_cast<uint32_t>(hash);
    const size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(hash >> (64 - bits_));; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.entryPlusOne == 0) {
            const auto k = static_cast<uint32_t>(offsets.size() - 1);
            if (!text.empty()) std::memcpy(bytes.prepare(text.size()), text.data(), text.size());
            bytes.commit(text.size());
            offsets.push_back(static_cast<uint32_t>(bytes.size()));
            keys_.push_back(key);
            slot = {tag, k + 1};
            return k;
        }
        if (slot.tag != tag) continue;
        const uint32_t k = slot.entryPlusOne - 1;
        if (!sameKey(keys_[k], key)) continue;
        if (text.size() <= kShort || detail::sameLong(bytes.data() + offsets[k], text.data(), text.size())) return k;
    }
}

void TextIndex::grow() {
    std::vector<Slot> old(slots_.empty() ? 64 : 2 * slots_.size());
    old.swap(slots_);
    bits_ = __builtin_ctzll(slots_.size());
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
        if (s.entryPlusOne == 0) continue;
        size_t i = static_cast<size_t>(hashOf(keys_[s.entryPlusOne - 1]) >> (64 - bits_));
        while (slots_[i].entryPlusOne != 0) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

}  // namespace patrol::data
