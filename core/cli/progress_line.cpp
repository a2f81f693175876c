#include "core/cli/progress_line.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <ostream>

#include "core/cli/app.hpp"

namespace patrol::cli {

namespace {

constexpr auto kRedraw = std::chrono::milliseconds(100);

// m:ss, or h:mm:ss from an hour on.
std::string clockText(uint64_t seconds) {
    char text[32];
    if (seconds >= 3600)
        std::snprintf(text, sizeof text, "%llu:%02llu:%02llu", static_cast<unsigned long long>(seconds / 3600),
                      static_cast<unsigned long long>(seconds / 60 % 60), static_cast<unsigned long long>(seconds % 60));
    else
        std::snprintf(text, sizeof text, "%llu:%02llu", static_cast<unsigned long long>(seconds / 60),
                      static_cast<unsigned long long>(seconds % 60));
    return text;
}

}  // namespace

std::string progressText(const services::WorkProgress& p, double seconds) {
    std::string text(services::phaseName(p.phase));
    if (!p.subject.empty()) text.append(" ").append(p.subject);
    text.append(" ").append(services::countText(p));
    if (seconds <= 0 || p.done == 0) return text;
    const double rate = static_cast<double>(p.done) / seconds;
    const auto perSecond = static_cast<uint64_t>(std::llround(rate));
    // A plugin's share of its work done has no rate worth reading, only the time it leaves.
    if (p.items == services::WorkItems::Bytes)
        text.append("，每秒 ").append(services::bytesText(perSecond));
    else if (p.items != services::WorkItems::Percent)
        text.append("，每秒 ").append(std::to_string(perSecond));
    if (p.total > p.done) text.append("，约剩 ").append(clockText(static_cast<uint64_t>(std::ceil(static_cast<double>(p.total - p.done) / rate))));
    return text;
}

ProgressLine::ProgressLine(std::ostream& err, bool shown, ProgressClock clock)
    : err_(err), shown_(shown), clock_(std::move(clock)), sink_([this](const services::WorkProgress& p) { update(p); }) {}

ProgressLine::~ProgressLine() {
    try {
        clear();
    } catch (...) {
        // a stream that throws on the way out: the line stays, nothing else to do
    }
}

void ProgressLine::update(const services::WorkProgress& p) {
    if (!shown_) return;
    const auto now = clock_();
    // Counting something else starts the rate again: a check's plugins after their data's bytes.
    const bool newPhase = !started_ || p.phase != phase_ || p.items != items_;
    if (newPhase) {
        started_ = true;
        phase_ = p.phase;
        items_ = p.items;
        phaseStart_ = now;
    } else if (now - lastDraw_ < kRedraw && !(p.total > 0 && p.done == p.total)) {
        return;  // the end of a phase is always drawn: it stays until the next phase or the summary
    }
    lastDraw_ = now;
    const double seconds = std::chrono::duration<double>(now - phaseStart_).count();
    err_ << '\r' << progressText(p, seconds) << "\x1b[K" << std::flush;
    drawn_ = true;
}

void ProgressLine::clear() {
    if (!drawn_) return;
    err_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

OptionSpec quietOption() { return {"quiet", "", "不显示进度行（只在标准错误输出是终端时显示）"}; }

bool showsProgress(const Invocation& inv) { return !inv.args.has("quiet") && ::isatty(STDERR_FILENO) == 1; }

}  // namespace patrol::cli
