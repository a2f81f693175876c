#include "core/services/fingerprint_marks.hpp"

#include <cstring>
#include <functional>

#include "core/digest/hex.hpp"
#include "core/plugins/finding_arena.hpp"

namespace patrol::services {

namespace {

// A check's fingerprints are SHA-256 digests: their bytes already spread evenly, so two 8-byte words
// mixed by multiplies make the hash. Shorter keys (texts never written by this version, but the
// table takes any) use the library's hash.
uint64_t fingerprintHash(std::string_view s) {
    if (s.size() < 16) return std::hash<std::string_view>{}(s);
    uint64_t head, tail;
    std::memcpy(&head, s.data(), 8);
    std::memcpy(&tail, s.data() + s.size() - 8, 8);
    return (head ^ (tail * 0x9e3779b97f4a7c15ull)) * 0xff51afd7ed558ccdull;
}

size_t slotsFor(size_t expected) {
    size_t size = 16;
    while (2 * size < 3 * expected) size *= 2;  // at most two thirds full: probes stay short
    return size;
}

}  // namespace

std::string_view fingerprintKey(std::string_view text, std::string& buffer) {
    constexpr size_t kDigest = plugins::kFingerprintBytes;
    buffer.resize(kDigest);
    if (digest::readHex(text, {reinterpret_cast<uint8_t*>(buffer.data()), kDigest})) return buffer;
    if (text.size() != kDigest) return text;
    buffer.assign(text).push_back('\0');
    return buffer;
}

FingerprintMarks::FingerprintMarks(size_t expected) : slots_(slotsFor(expected)) {}

FingerprintMarks::Slot& FingerprintMarks::slotFor(std::string_view fingerprint, uint32_t& hashBits) {
    const uint64_t hash = fingerprintHash(fingerprint);
    hashBits = static_cast<uint32_t>(hash) & ~kStateBits;
    const size_t mask = slots_.size() - 1;
    for (size_t i = (hash >> 32) & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.tag == kEmpty) return slot;
        if ((slot.tag & ~kStateBits) == hashBits && slot.size == fingerprint.size() &&
            std::memcmp(slot.data, fingerprint.data(), slot.size) == 0)
            return slot;
    }
}

void FingerprintMarks::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old)
        if (slot.tag != kEmpty) slotFor({slot.data, slot.size}) = slot;
}

void FingerprintMarks::add(std::string_view fingerprint) {
    if (3 * (used_ + 1) > 2 * slots_.size()) grow();
    uint32_t hashBits;
    Slot& slot = slotFor(fingerprint, hashBits);
    if (slot.tag != kEmpty) return;
    slot = {fingerprint.data(), static_cast<uint32_t>(fingerprint.size()), hashBits | kUnmarked};
    ++used_;
}

void FingerprintMarks::markIfAdded(std::string_view fingerprint) {
    Slot& slot = slotFor(fingerprint);
    if (slot.state() == kUnmarked) slot.mark();
}

bool FingerprintMarks::markAndTellBefore(std::string_view fingerprint) {
    Slot& slot = slotFor(fingerprint);
    const bool before = slot.state() == kMarked;
    if (slot.tag != kEmpty) slot.mark();
    return before;
}

}  // namespace patrol::services
