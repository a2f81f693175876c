// A resource limit (setrlimit) lowered for a scope and put back after it. Inherited by a process
// started within the scope, which is what the tests use it for.
#pragma once

#include <sys/resource.h>

#include <stdexcept>

namespace patrol::testing {

class ScopedLimit {
public:
    ScopedLimit(int resource, rlim_t value) : resource_(resource) {
        ::getrlimit(resource_, &before_);
        rlimit limit = before_;
        limit.rlim_cur = value;
        if (::setrlimit(resource_, &limit) != 0) throw std::runtime_error("cannot set a resource limit");
    }
    ~ScopedLimit() { ::setrlimit(resource_, &before_); }
    ScopedLimit(const ScopedLimit&) = delete;
    ScopedLimit& operator=(const ScopedLimit&) = delete;

private:
    int resource_;
    rlimit before_{};
};

}  // namespace patrol::testing
