// Emits findings with sorted refs and remembers when the host asked the plugin to stop.
#pragma once

#include <patrol/sdk/plugin.hpp>

#include <algorithm>
#include <utility>

namespace patrol::plugins {

class FindingSink {
public:
    explicit FindingSink(const sdk::Context& context) : context_(context) {}

    // Returns false once the host has asked to stop; the caller then returns early.
    bool emit(sdk::Finding finding) {
        if (stopped_) return false;
        std::sort(finding.refs.begin(), finding.refs.end());
        if (!context_.emit(finding)) stopped_ = true;
        return !stopped_;
    }

    bool stopped() const { return stopped_; }

private:
    const sdk::Context& context_;
    bool stopped_ = false;
};

}  // namespace patrol::plugins
