// The fingerprints of one check, each with a mark: "known to be recorded already". Re-running a
// recorded check looks up every finding's fingerprint twice (once per fingerprint the round holds,
// once per finding of the check): 660,000 look-ups for a heavy ledger. A node-based hash map
// spent a tenth of that run's CPU on them, mostly in cache misses; this table is one flat array
// probed in place, 16 bytes a slot; each slot carries a part of its key's hash, so a probe
// compares the keys only when that part agrees. The keys are views (fingerprintKey): the strings
// they point into must outlive the table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::services {

// The key a fingerprint is compared by: a check's fingerprint (64 lower-case hex digits) as its
// digest bytes, as plugins::FindingArena holds it; any other text (the findings table takes any)
// as itself, one byte longer if it has as many bytes as a digest, so it never equals one. The view
// points into `text` or into `buffer`.
std::string_view fingerprintKey(std::string_view text, std::string& buffer);

class FingerprintMarks {
public:
    explicit FingerprintMarks(size_t expected);

    // Adds the fingerprint `key`, unmarked, unless it is there already.
    void add(std::string_view key);
    // Marks `key` if it was added; anything else is ignored.
    void markIfAdded(std::string_view key);
    // Whether `key` (added before) was marked; it is marked from now on.
    bool markAndTellBefore(std::string_view key);

private:
    // A slot's state is in the low bits of its tag, the rest of which are bits of the key's hash.
    static constexpr uint32_t kEmpty = 0, kUnmarked = 1, kMarked = 2, kStateBits = 3;
    struct Slot {
        const char* data = nullptr;
        uint32_t size = 0;
        uint32_t tag = kEmpty;
        uint32_t state() const { return tag & kStateBits; }
        void mark() { tag = (tag & ~kStateBits) | kMarked; }
    };
    // The slot holding `fingerprint`, or the empty one where it belongs; `hashBits` is the part of
    // its hash a slot keeps.
    Slot& slotFor(std::string_view fingerprint, uint32_t& hashBits);
    Slot& slotFor(std::string_view fingerprint) {
        uint32_t unused;
        return slotFor(fingerprint, unused);
    }
    void grow();

    std::vector<Slot> slots_;
    size_t used_ = 0;
};

}  // namespace patrol::services
