// Memory given back on threads of their own while the work goes on: a check's dataset, or the
// columns taken out of it once the plugin has returned, is tens of megabytes of pages, which
// take milliseconds to return that the check spends on its findings meanwhile. Whoever holds
// this waits for them when it goes.
#pragma once

#include <future>
#include <system_error>
#include <utility>
#include <vector>

namespace patrol::services {

class BackgroundFrees {
public:
    // Destroys `held` on a thread of its own; at once, here, when no thread can be started.
    template <class Held>
    void add(Held held) {
        try {
            pending_.push_back(std::async(std::launch::async, [h = std::move(held)]() mutable { Held().swap(h); }));
        } catch (const std::system_error&) {
            // no thread to be had: what was held went with the task that could not start
        }
    }

private:
    std::vector<std::future<void>> pending_;  // each future's destructor waits for its thread
};

}  // namespace patrol::services
