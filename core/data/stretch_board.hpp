// Who reads which stretch of which file, when a dataset is read on several threads. The plan is
// made up front: every thread gets the same number of bytes, the largest files first, each file
// cut where a thread's share is full, so that a file is cut as seldom as it can be (its later
// stretches are moved onto its first one when joined). Then, while reading, the stretches are
// shared out again: a thread that has run out takes a stretch another thread has not started, or
// asks a thread still parsing for the second half of what that stretch has left, which it hands
// over at its next look (share()). Equal bytes are not equal time: on memory the machine has not
// used lately one thread's fresh pages may cost twice the other's, and it then finished tens of
// milliseconds after the other had nothing left to do (bench/README.md, "Stretches shared").
// Internal to core/data.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

namespace patrol::data::detail {

struct Stretch {
    size_t file = 0;   // index into the files the board was made for
    size_t start = 0;  // offset into that file's body
    size_t stop = 0;   // where it is to stop: the first record ending at or past it is its last
};

// One file as the board sees it.
struct BoardFile {
    std::string_view body;  // the text after the header
    size_t joinCharge = 0;  // bytes' worth of parsing that joining its stretches costs
};

class StretchBoard {
public:
    // `smallest`: no stretch is cut smaller (ReadLimits::smallestStretch); `leastShared`: a
    // stretch with less than this left is not halved for another thread; `shareAlways`: every
    // look halves what is left, as if a thread were waiting (tests: stretches cut while parsing).
    StretchBoard(std::vector<BoardFile> files, size_t workers, size_t smallest, size_t leastShared, bool shareAlways);

    size_t workers() const { return queues_.size(); }

    // The next stretch for `worker` to parse: its own planned ones first, then one given away
    // or not yet started by another thread, else it waits for a thread still parsing to hand
    // over half of what it has left. nullopt once no stretch is left and no thread is parsing.
    std::optional<Stretch> next(size_t worker);

    // Asked by the thread parsing `s` between slices, at body offset `at` (past which it has not
    // read) with `stop` where the stretch now stops: where it is to stop from here. Lower than
    // `stop` when the rest was handed over as a new stretch of the same file.
    size_t share(const Stretch& s, size_t at, size_t stop);

    // A stretch of `file` has been parsed. True when it was that file's last: the caller then
    // joins the file's parts.
    bool finished(size_t file);

private:
    size_t cutAfter(size_t file, size_t from, size_t size) const;

    std::vector<BoardFile> files_;
    size_t smallest_;
    size_t leastShared_;
    bool shareAlways_;

    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::deque<Stretch>> queues_;  // each thread's planned stretches, not yet started
    std::deque<Stretch> given_;                // halves handed over, for whichever thread asks first
    std::vector<size_t> unfinished_;           // per file: stretches planned or given, not yet parsed
    size_t parsing_ = 0;                       // stretches taken, not yet finished
    size_t waiting_ = 0;                       // threads waiting in next()
    // Read without the lock at every look: whether a waiting thread has not been given a half yet.
    std::atomic<bool> wanted_{false};
};

}  // namespace patrol::data::detail
