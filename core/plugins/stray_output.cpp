#include "core/plugins/stray_output.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <system_error>

namespace patrol::plugins {

namespace {

void writeAllTo(int fd, const std::string& text) {
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;  // stderr is gone: nothing else can be done with the text
        done += static_cast<size_t>(n);
    }
}

// Whatever plugin code left in the buffers of stdout goes to where fd 1 points now.
void flushStdout() {
    std::cout.flush();
    std::fflush(stdout);
}

}  // namespace

StrayLines::StrayLines(std::string pluginId) : prefix_("[" + std::move(pluginId) + "] 标准输出：") {}

void StrayLines::add(const char* bytes, size_t size) {
    pending_.append(bytes, size);
    size_t from = 0;
    for (size_t lf; (lf = pending_.find('\n', from)) != std::string::npos; from = lf + 1)
        writeAllTo(2, prefix_ + pending_.substr(from, lf - from) + "\n");
    pending_.erase(0, from);
}

void StrayLines::finish() {
    if (!pending_.empty()) writeAllTo(2, prefix_ + pending_ + "\n");
    pending_.clear();
}

StrayOutputGuard::StrayOutputGuard(const std::string& pluginId) : lines_(pluginId) {
    flushStdout();  // the host's own output goes out before the pipe takes fd 1
    int pipeEnds[2];
    if (::pipe2(pipeEnds, O_CLOEXEC) != 0) return;
    stop_ = ::eventfd(0, EFD_CLOEXEC);
    savedStdout_ = ::fcntl(1, F_DUPFD_CLOEXEC, 3);
    if (stop_ < 0 || savedStdout_ < 0 || ::dup2(pipeEnds[1], 1) < 0) {
        for (int fd : {pipeEnds[0], pipeEnds[1], stop_, savedStdout_})
            if (fd >= 0) ::close(fd);
        stop_ = savedStdout_ = -1;
        return;
    }
    ::close(pipeEnds[1]);  // fd 1 is now the only write end
    readEnd_ = pipeEnds[0];
    try {
        reader_ = std::thread([this] { forward(); });
    } catch (const std::system_error&) {
        // No thread to read the pipe: plugin output would fill it and block, so stdout goes back.
        ::dup2(savedStdout_, 1);
        for (int fd : {readEnd_, stop_, savedStdout_}) ::close(fd);
        readEnd_ = stop_ = savedStdout_ = -1;
    }
}

StrayOutputGuard::~StrayOutputGuard() {
    if (savedStdout_ < 0) return;
    flushStdout();  // into the pipe: what the plugin printed is still its output
    ::dup2(savedStdout_, 1);
    ::close(savedStdout_);
    const uint64_t one = 1;
    while (::write(stop_, &one, sizeof one) < 0 && errno == EINTR) {
    }
    reader_.join();
    ::close(readEnd_);
    ::close(stop_);
}

void StrayOutputGuard::forward() {
    char buffer[4096];
    bool stopping = false;
    for (;;) {
        pollfd fds[2] = {{readEnd_, POLLIN, 0}, {stop_, POLLIN, 0}};
        // Once asked to stop, only what is already in the pipe is read: a process the plugin
        // started may still hold the write end, and its output is no longer waited for.
        const int ready = ::poll(fds, stopping ? 1 : 2, stopping ? 0 : -1);
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) break;
        if (fds[0].revents & (POLLIN | POLLHUP)) {
            const ssize_t n = ::read(readEnd_, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;  // every write end is closed
            lines_.add(buffer, static_cast<size_t>(n));
            continue;
        }
        if (stopping) break;  // nothing more in the pipe
        if (fds[1].revents & POLLIN) stopping = true;
    }
    lines_.finish();
}

}  // namespace patrol::plugins
