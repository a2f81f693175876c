#include "core/plugins/stray_output.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <set>
#include <system_error>
#include <thread>

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

// The one redirection of fd 1 the living guards share.
class Redirection {
public:
    static Redirection& instance() {
        static Redirection r;
        return r;
    }

    void enter(const std::string& id) {
        const std::lock_guard lock(mutex_);
        if (running_.empty() && !start()) {
            running_.insert(id);
            return;  // no pipe: stdout is left alone for this run
        }
        running_.insert(id);
        if (lines_) lines_->relabel(label());
    }

    void leave(const std::string& id) {
        const std::lock_guard lock(mutex_);
        running_.erase(running_.find(id));
        if (!lines_) return;
        if (!running_.empty()) {
            lines_->relabel(label());
            return;
        }
        stop();
    }

private:
    std::string label() const {
        std::string out;
        for (auto it = running_.begin(); it != running_.end(); it = running_.upper_bound(*it)) out += (out.empty() ? "" : "、") + *it;
        return out;
    }

    bool start() {
        flushStdout();  // the host's own output goes out before the pipe takes fd 1
        int pipeEnds[2];
        if (::pipe2(pipeEnds, O_CLOEXEC) != 0) return false;
        stop_ = ::eventfd(0, EFD_CLOEXEC);
        saved_ = ::fcntl(1, F_DUPFD_CLOEXEC, 3);
        if (stop_ < 0 || saved_ < 0 || ::dup2(pipeEnds[1], 1) < 0) {
            for (int fd : {pipeEnds[0], pipeEnds[1], stop_, saved_})
                if (fd >= 0) ::close(fd);
            stop_ = saved_ = -1;
            return false;
        }
        ::close(pipeEnds[1]);  // fd 1 is now the only write end
        readEnd_ = pipeEnds[0];
        lines_ = std::make_unique<StrayLines>("");
        try {
            reader_ = std::thread([this] { forward(); });
        } catch (const std::system_error&) {
            // No thread to read the pipe: plugin output would fill it and block, so stdout goes back.
            ::dup2(saved_, 1);
            for (int fd : {readEnd_, stop_, saved_}) ::close(fd);
            readEnd_ = stop_ = saved_ = -1;
            lines_.reset();
            return false;
        }
        return true;
    }

    void stop() {
        flushStdout();  // into the pipe: what the plugin printed is still its output
        ::dup2(saved_, 1);
        ::close(saved_);
        const uint64_t one = 1;
        while (::write(stop_, &one, sizeof one) < 0 && errno == EINTR) {
        }
        reader_.join();
        ::close(readEnd_);
        ::close(stop_);
        readEnd_ = stop_ = saved_ = -1;
        lines_.reset();
    }

    void forward() {
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
                lines_->add(buffer, static_cast<size_t>(n));
                continue;
            }
            if (stopping) break;  // nothing more in the pipe
            if (fds[1].revents & POLLIN) stopping = true;
        }
        lines_->finish();
    }

    std::mutex mutex_;
    std::multiset<std::string> running_;  // ids of the plugins whose guards live
    std::unique_ptr<StrayLines> lines_;
    int saved_ = -1;  // the real stdout, put back on fd 1 at the end
    int readEnd_ = -1;
    int stop_ = -1;   // an eventfd: the last guard ended, drain what is left and stop
    std::thread reader_;
};

}  // namespace

namespace {
// "[four_styles] 标准输出：", built by appending (GCC 12 misreads "[" + std::string&& as an overlapping copy).
std::string prefixFor(const std::string& label) {
    std::string prefix = "[";
    prefix += label;
    prefix += "] 标准输出：";
    return prefix;
}
}  // namespace

StrayLines::StrayLines(std::string label) : prefix_(prefixFor(label)) {}

void StrayLines::relabel(std::string label) {
    const std::lock_guard lock(mutex_);
    prefix_ = prefixFor(label);
}

void StrayLines::add(const char* bytes, size_t size) {
    const std::lock_guard lock(mutex_);
    pending_.append(bytes, size);
    size_t from = 0;
    for (size_t lf; (lf = pending_.find('\n', from)) != std::string::npos; from = lf + 1)
        writeAllTo(2, prefix_ + pending_.substr(from, lf - from) + "\n");
    pending_.erase(0, from);
}

void StrayLines::finish() {
    const std::lock_guard lock(mutex_);
    if (!pending_.empty()) writeAllTo(2, prefix_ + pending_ + "\n");
    pending_.clear();
}

StrayOutputGuard::StrayOutputGuard(const std::string& pluginId) : pluginId_(pluginId) { Redirection::instance().enter(pluginId_); }

StrayOutputGuard::~StrayOutputGuard() { Redirection::instance().leave(pluginId_); }

}  // namespace patrol::plugins
