// A plugin run in this process shares it: a crash in plugin code (SIGSEGV, SIGBUS, SIGFPE,
// SIGILL, SIGABRT) takes patrol down with it. While a CrashNotice lives, such a crash first
// prints one line on stderr naming the plugin and the signal and suggesting --isolate, then
// the process dies of the signal as before (the previous handler, if any, still gets it).
//
// The handler only makes async-signal-safe calls: write(2) of texts built before the plugin
// was called, sigaction(2) and raise(3). It runs on an alternate stack, so a plugin that
// overflows its stack is named too.
#pragma once

#include <string>

namespace patrol::plugins {

class CrashNotice {
public:
    // The line is `head` + "（信号 11（SIGSEGV））" + `tail`; both are kept as given.
    CrashNotice(std::string head, std::string tail);
    ~CrashNotice();
    CrashNotice(const CrashNotice&) = delete;
    CrashNotice& operator=(const CrashNotice&) = delete;

    const std::string& head() const { return head_; }
    const std::string& tail() const { return tail_; }

private:
    std::string head_;
    std::string tail_;
    const CrashNotice* outer_;  // the notice this one interrupts on the same thread, if any
    int slot_;                  // its place among the notices of all threads
};

}  // namespace patrol::plugins
