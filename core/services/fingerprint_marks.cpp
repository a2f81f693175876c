#include "core/services/fingerprint_marks.hpp"

#include <cstring>
#include <functional>

namespace patrol::services {

namespace {

// Fingerprints are SHA-256 in hex: their bytes already spread evenly, so two 8-byte words mixed
// by multiplies make the hash. Shorter texts (never written by this version, but the table takes
// any) use the library's hash.
uint64_t fingerprintHash(std::string_view s) {
    if (s.size() < 16) return std::hash<std::string_view>{}(s);
    uint64_t head, tail;
    std::memcpy(&head, s.data(), 8);
    std::memcpy(&tail, s.data() + s.size() - 8, 8);
    return (head ^ (tail * 0x9e3779b97f4a7c15ull)) * 0xff51afd7ed558ccdull;
}

size_t slotsFor(size_t expected) {
    size_t size = 16;
    while (size < 2 * expected) size *= 2;  // at most half full: probes stay short
    return size;
}

}  // namespace

FingerprintMarks::FingerprintMarks(size_t expected) : slots_(slotsFor(expected)) {}

FingerprintMarks::Slot& FingerprintMarks::slotFor(std::string_view fingerprint) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = (fingerprintHash(fingerprint) >> 32) & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.state == State::empty) return slot;
        if (slot.size == fingerprint.size() && std::memcmp(slot.data, fingerprint.data(), slot.size) == 0) return slot;
    }
}

void FingerprintMarks::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old)
        if (slot.state != State::empty) slotFor({slot.data, slot.size}) = slot;
}

void FingerprintMarks::add(std::string_view fingerprint) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    Slot& slot = slotFor(fingerprint);
    if (slot.state != State::empty) return;
    slot = {fingerprint.data(), fingerprint.size(), State::unmarked};
    ++used_;
}

void FingerprintMarks::markIfAdded(std::string_view fingerprint) {
    Slot& slot = slotFor(fingerprint);
    if (slot.state == State::unmarked) slot.state = State::marked;
}

bool FingerprintMarks::markAndTellBefore(std::string_view fingerprint) {
    Slot& slot = slotFor(fingerprint);
    const bool before = slot.state == State::marked;
    if (slot.state != State::empty) slot.state = State::marked;
    return before;
}

}  // namespace patrol::services
