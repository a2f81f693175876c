// The one updating line long commands show on stderr while they work, when stderr is a
// terminal and --quiet was not given: phase, done of total, rate per second, time left. It is
// redrawn in place (carriage return, erase to end of line) at most ten times a second, and
// erased before anything else is written, so the final summary lines are exactly those
// written without it.
#pragma once

#include <chrono>
#include <functional>
#include <iosfwd>
#include <string>

#include "core/cli/command.hpp"
#include "core/services/progress.hpp"

namespace patrol::cli {

struct Invocation;

using ProgressClock = std::function<std::chrono::steady_clock::time_point()>;

// The line's text for `p`, `seconds` after its phase began, e.g.
// "记录问题 65536/362719 个问题，每秒 21845，约剩 0:14" or "读取数据 12.3/43.0 MB，每秒 215.0 MB，约剩 0:01",
// with the subject after the phase when there is one ("运行检查 four_styles 60%").
// No rate before any time has passed or anything is done, nor for a plugin's percent; no time
// left without a total.
std::string progressText(const services::WorkProgress& p, double seconds);

class ProgressLine {
public:
    // `shown` false: nothing is ever written and sink() is null, so services skip their calls.
    ProgressLine(std::ostream& err, bool shown, ProgressClock clock = std::chrono::steady_clock::now);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // A new phase, or a new kind of count, is drawn at once, and so is a phase's last count
    // (done == total); the same phase again only 100 ms after the last drawing.
    void update(const services::WorkProgress& p);
    // Erases the line if it is shown (before a notice, the findings or the summary).
    void clear();
    // For services::…(…, const ProgressSink*): null when nothing is shown.
    const services::ProgressSink* sink() const { return shown_ ? &sink_ : nullptr; }
    bool shown() const { return shown_; }

private:
    std::ostream& err_;
    bool shown_;
    ProgressClock clock_;
    services::ProgressSink sink_;
    bool drawn_ = false;
    bool started_ = false;
    services::WorkPhase phase_{};
    services::WorkItems items_{};
    std::chrono::steady_clock::time_point phaseStart_{}, lastDraw_{};
};

// The --quiet flag of the commands that show progress.
OptionSpec quietOption();
// Whether the command shows the line: stderr is a terminal and --quiet was not given.
bool showsProgress(const Invocation& inv);

}  // namespace patrol::cli
