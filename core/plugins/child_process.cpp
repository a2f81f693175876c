#include "core/plugins/child_process.hpp"

#include "core/domain/errors.hpp"
#include "core/plugins/wire.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace patrol::plugins {

namespace {

constexpr const char* kRunnerName = "patrol-plugin-run";

// Closes a descriptor when the scope ends.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

[[noreturn]] void cannotStart(const std::string& what, int error) {
    throw InternalError("无法启动隔离进程（" + what + "：" + ::strerror(error) + "）");
}

// A close-on-exec copy numbered above the runner's own descriptors, so the spawn's dup2
// onto 3 and 4 never has a source that is also a target.
int highCopy(int fd) {
    const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 10);
    if (copy < 0) cannotStart("复制描述符", errno);
    return copy;
}

pid_t spawnRunner(const std::string& mode, int inputFd, int channelFd, int stdoutFd) {
    const std::string runner = runnerExecutable().string();
    Fd input{highCopy(inputFd)}, channel{highCopy(channelFd)}, out{highCopy(stdoutFd)};
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawnattr_init(&attr);
    ::posix_spawn_file_actions_adddup2(&actions, input.fd, kRunnerInputFd);
    ::posix_spawn_file_actions_adddup2(&actions, channel.fd, kRunnerChannelFd);
    // The plugin's stdout is never the host's: the parent reads it and moves it to stderr.
    ::posix_spawn_file_actions_adddup2(&actions, out.fd, 1);
    // Whatever the host opened without close-on-exec (libraries do) stays out of the child.
    ::posix_spawn_file_actions_addclosefrom_np(&actions, kRunnerChannelFd + 1);
    // A crash must end the child the plain way: default dispositions, nothing blocked.
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    ::posix_spawnattr_setsigdefault(&attr, &all);
    ::posix_spawnattr_setsigmask(&attr, &none);
    ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    std::string modeArg = mode;
    char* argv[] = {const_cast<char*>(runner.c_str()), modeArg.data(), nullptr};
    pid_t pid = -1;
    // The child gets this process's environment, handed over explicitly.
    const int rc = ::posix_spawn(&pid, runner.c_str(), &actions, &attr, argv, environ);
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attr);
    if (rc != 0) cannotStart(runner, rc);
    return pid;
}

void answer(int fd, bool yes) {
    const char byte = yes ? 1 : 0;
    while (::send(fd, &byte, 1, MSG_NOSIGNAL) < 0 && errno == EINTR) {
    }
    // Any other failure means the child is gone; its end is seen on the next read.
}

}  // namespace

std::string ChildOutcome::describe() const {
    switch (end) {
    case End::Signalled: {
        const char* abbrev = ::sigabbrev_np(signal);
        return "信号 " + std::to_string(signal) + (abbrev ? "（SIG" + std::string(abbrev) + "）" : "");
    }
    case End::TimedOut: return "超时";
    case End::Exited: break;
    }
    return "退出码 " + std::to_string(exitCode);
}

std::filesystem::path runnerExecutable() {
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::filesystem::path here = self.parent_path();
    for (const auto& candidate : {here / kRunnerName, here.parent_path() / "libexec" / "patrol" / kRunnerName})
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    throw InternalError("找不到隔离运行程序 " + std::string(kRunnerName) + "（应在 " + here.string() + " 或 " +
                        (here.parent_path() / "libexec" / "patrol").string() + "）。请重新安装 patrol。");
}

void writeAll(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ::_exit(4);  // the parent stopped listening (timeout): nothing left to do
        done += static_cast<size_t>(n);
    }
}

ChildOutcome runInChild(const std::string& mode, int inputFd, std::chrono::milliseconds timeout,
                        const std::function<bool(int32_t day)>& isWorkingDay, const std::function<void(double share)>& onProgress,
                        const std::function<void(const char*, size_t)>& onStdout) {
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) cannotStart("创建通道", errno);
    Fd ours{pair[0]};
    int outPipe[2];
    if (::pipe2(outPipe, O_CLOEXEC) != 0) {
        ::close(pair[1]);
        cannotStart("创建输出管道", errno);
    }
    Fd childStdout{outPipe[0]};
    ::fcntl(childStdout.fd, F_SETFL, O_NONBLOCK);
    pid_t pid;
    {
        // Closed here once the child has its copies: its exit ends our reads.
        Fd theirs{pair[1]}, theirStdout{outPipe[1]};
        pid = spawnRunner(mode, inputFd, theirs.fd, theirStdout.fd);
    }
    // What the child wrote to stdout so far, handed on; false once its write end is closed.
    char outBuffer[4096];
    auto drainStdout = [&] {
        for (;;) {
            const ssize_t n = ::read(childStdout.fd, outBuffer, sizeof outBuffer);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return n < 0;  // EAGAIN: open but empty
            if (onStdout) onStdout(outBuffer, static_cast<size_t>(n));
        }
    };
    bool stdoutOpen = true;
    // The host's calendar or progress sink failed: no child is left behind while that is reported.
    const auto hostFailed = [pid] {
        ::kill(pid, SIGKILL);
        while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
        }
    };

    ChildOutcome outcome;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string pending;  // bytes received, not yet a whole frame
    char buffer[65536];
    bool timedOut = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        pollfd p[2] = {{ours.fd, POLLIN, 0}, {childStdout.fd, POLLIN, 0}};
        const int ready = ::poll(p, stdoutOpen ? 2 : 1, static_cast<int>(std::min<long long>(left, 1000 * 60 * 60)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) continue;  // re-check the deadline
        if (stdoutOpen && (p[1].revents & (POLLIN | POLLHUP))) stdoutOpen = drainStdout();
        if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        const ssize_t n = ::read(ours.fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // the child closed its end: it is exiting
        pending.append(buffer, static_cast<size_t>(n));
        // Answer the questions and hand on the progress; keep every other whole frame, in order.
        size_t at = 0;
        while (pending.size() - at >= 5) {
            uint32_t length;
            std::memcpy(&length, pending.data() + at + 1, 4);
            if (pending.size() - at - 5 < length) break;
            if (pending[at] == wire::WorkingDay && length == 4) {
                int32_t day;
                std::memcpy(&day, pending.data() + at + 5, 4);
                bool yes = false;
                try {
                    yes = isWorkingDay && isWorkingDay(day);
                } catch (...) {
                    hostFailed();
                    throw;
                }
                answer(ours.fd, yes);
            } else if (pending[at] == wire::Progress && length == 8) {
                double share;
                std::memcpy(&share, pending.data() + at + 5, 8);
                try {
                    if (onProgress) onProgress(share);
                } catch (...) {
                    hostFailed();
                    throw;
                }
            } else {
                outcome.output.append(pending, at, 5 + length);
            }
            at += 5 + length;
        }
        pending.erase(0, at);
    }
    outcome.output += pending;  // a frame cut off by a crash: the reader sees it unfinished
    int status = 0;
    if (timedOut) ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    // Whatever is left in the pipe; a process the plugin started may keep it open, so no more
    // is waited for.
    if (stdoutOpen) drainStdout();
    if (timedOut) {
        outcome.end = ChildOutcome::End::TimedOut;
    } else if (WIFSIGNALED(status)) {
        outcome.end = ChildOutcome::End::Signalled;
        outcome.signal = WTERMSIG(status);
    } else {
        outcome.end = ChildOutcome::End::Exited;
        outcome.exitCode = WEXITSTATUS(status);
    }
    return outcome;
}

}  // namespace patrol::plugins
