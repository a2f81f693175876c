// A file size limit (RLIMIT_FSIZE) for a scope, with SIGXFSZ ignored, so that a write past it
// fails with EFBIG, as on a full disk, instead of ending the writer. Both are inherited by a
// process started within the scope.
#pragma once

#include <csignal>

#include "data/scoped_limit.hpp"

namespace patrol::testing {

class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) : limit_(RLIMIT_FSIZE, bytes), signalBefore_(std::signal(SIGXFSZ, SIG_IGN)) {}
    ~FileSizeLimit() { std::signal(SIGXFSZ, signalBefore_); }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    ScopedLimit limit_;
    void (*signalBefore_)(int);
};

}  // namespace patrol::testing
