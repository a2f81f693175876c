// Runs a piece of work in a forked child that streams its results back through a pipe, with
// a time limit. Whatever the child does — crash, abort, hang — the parent gets an outcome.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace patrol::plugins {

struct ChildOutcome {
    enum class End { Exited, Signalled, TimedOut };
    End end = End::Exited;
    int exitCode = 0;    // Exited
    int signal = 0;      // Signalled
    std::string output;  // every byte the child wrote to its pipe

    // "信号 11（SIGSEGV）", "退出码 3", "超时"
    std::string describe() const;
};

// Forks; the child runs work(fd) then exits with 0 (3 when work throws). The parent collects
// what the child writes to fd until it exits or `timeout` passes (then the child is killed).
ChildOutcome runInChild(const std::function<void(int fd)>& work, std::chrono::milliseconds timeout);

// Writes all bytes to fd (the child's side); exits the child when the parent is gone.
void writeAll(int fd, const std::string& bytes);

}  // namespace patrol::plugins
