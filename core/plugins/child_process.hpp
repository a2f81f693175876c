// Runs plugin code in a fresh process: the runner executable (patrol-plugin-run, installed
// next to patrol) started with posix_spawn, never fork(), so a host with many threads can do
// it from any of them. The child reads its input from a memory file and streams frames back
// through a socket, asking the host which days are working days; it has a time limit, and
// whatever it does — crash, abort, hang — the parent gets an outcome.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace patrol::plugins {

// The descriptors the runner finds open: its input and its channel to the host.
constexpr int kRunnerInputFd = 3;
constexpr int kRunnerChannelFd = 4;

struct ChildOutcome {
    enum class End { Exited, Signalled, TimedOut };
    End end = End::Exited;
    int exitCode = 0;    // Exited
    int signal = 0;      // Signalled
    std::string output;  // every frame the child sent, except the working-day questions and progress

    // "信号 11（SIGSEGV）", "退出码 3", "超时"
    std::string describe() const;
};

// The runner executable: next to this program, or in ../libexec/patrol. Throws InternalError
// naming where it was looked for when it is in neither place.
std::filesystem::path runnerExecutable();

// Starts `runner <mode>` with `inputFd` as its input and collects what it sends until it
// exits or `timeout` passes (then it is killed). Each WorkingDay question is answered with
// isWorkingDay, and each Progress frame handed to onProgress (either may be empty) as it comes.
// The child's stdout is a pipe whose bytes go to onStdout (plugin code printing;
// dropped when it is empty). Throws InternalError when the process cannot be started.
ChildOutcome runInChild(const std::string& mode, int inputFd, std::chrono::milliseconds timeout,
                        const std::function<bool(int32_t day)>& isWorkingDay, const std::function<void(double share)>& onProgress,
                        const std::function<void(const char*, size_t)>& onStdout);

// Writes all bytes to fd (the child's side); exits the child when the parent is gone.
void writeAll(int fd, const std::string& bytes);

}  // namespace patrol::plugins
