// The fingerprints of one check, each with a mark: "known to be recorded already". Re-running a
// recorded check looks up every finding's fingerprint twice (once per fingerprint the round holds,
// once per finding of the check): 660,000 look-ups for a heavy ledger. A node-based hash map
// spent a tenth of that run's CPU on them, mostly in cache misses; this table is one flat array
// probed in place. The keys are views: the strings they point into must outlive the table.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace patrol::services {

class FingerprintMarks {
public:
    explicit FingerprintMarks(size_t expected);

    // Adds `fingerprint`, unmarked, unless it is there already.
    void add(std::string_view fingerprint);
    // Marks `fingerprint` if it was added; anything else is ignored.
    void markIfAdded(std::string_view fingerprint);
    // Whether `fingerprint` (added before) was marked; it is marked from now on.
    bool markAndTellBefore(std::string_view fingerprint);

private:
    enum class State : uint8_t { empty, unmarked, marked };
    struct Slot {
        const char* data = nullptr;
        size_t size = 0;
        State state = State::empty;
    };
    // The slot holding `fingerprint`, or the empty one where it belongs.
    Slot& slotFor(std::string_view fingerprint);
    void grow();

    std::vector<Slot> slots_;
    size_t used_ = 0;
};

}  // namespace patrol::services
