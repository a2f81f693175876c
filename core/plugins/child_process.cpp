#include "core/plugins/child_process.hpp"

#include "core/domain/errors.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>

namespace patrol::plugins {

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

void writeAll(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ::_exit(4);  // the parent stopped listening (timeout): nothing left to do
        done += static_cast<size_t>(n);
    }
}

ChildOutcome runInChild(const std::function<void(int fd)>& work, std::chrono::milliseconds timeout) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw InternalError(std::string("无法创建管道：") + ::strerror(errno));
    // Nothing buffered in this process may be written twice by the child.
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw InternalError(std::string("无法创建子进程：") + ::strerror(errno));
    }
    if (pid == 0) {
        ::close(fds[0]);
        // A crash must end the child the plain way, not in a handler the host installed.
        for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTERM, SIGINT, SIGPIPE}) ::signal(sig, SIG_DFL);
        int code = 0;
        try {
            work(fds[1]);
        } catch (...) {
            code = 3;
        }
        ::close(fds[1]);
        ::_exit(code);  // no atexit handlers, no destructors of the parent's objects
    }
    ::close(fds[1]);

    ChildOutcome outcome;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    char buffer[65536];
    bool timedOut = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000 * 60 * 60)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) continue;  // re-check the deadline
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // the child closed its end: it is exiting
        outcome.output.append(buffer, static_cast<size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    if (timedOut) {
        ::kill(pid, SIGKILL);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        outcome.end = ChildOutcome::End::TimedOut;
        return outcome;
    }
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(status)) {
        outcome.end = ChildOutcome::End::Signalled;
        outcome.signal = WTERMSIG(status);
    } else {
        outcome.end = ChildOutcome::End::Exited;
        outcome.exitCode = WEXITSTATUS(status);
    }
    return outcome;
}

}  // namespace patrol::plugins
