// A file size limit (RLIMIT_FSIZE) for a scope, with SIGXFSZ ignored, so that a write past it
// fails with EFBIG, as on a full disk, instead of ending the writer. Both are inherited by a
// process started within the scope.
#pragma once

#include <sys/resource.h>

#include <csignal>
#include <stdexcept>

namespace patrol::testing {

class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &before_);
        rlimit limit = before_;
        limit.rlim_cur = bytes;
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) throw std::runtime_error("cannot set RLIMIT_FSIZE");
        signalBefore_ = std::signal(SIGXFSZ, SIG_IGN);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &before_);
        std::signal(SIGXFSZ, signalBefore_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit before_{};
    void (*signalBefore_)(int) = SIG_DFL;
};

}  // namespace patrol::testing
