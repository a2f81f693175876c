// Runs a plugin's rules on two threads while the host still sees a single one. Rules added with
// here() run on the calling thread and emit as they go; rules added with helper() run at the
// same time on a second thread into their own kept sinks, which the calling thread emits after
// its own rules, in the order added. The order is fixed whatever the timing, and within each
// rule the findings come exactly as when the rules ran one after another. Rules that call the
// host (the working-day calendar, settings) must be added with here().
#pragma once

#include "finding_sink.hpp"

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace patrol::plugins {

class ParallelRules {
public:
    using Rule = std::function<void(FindingSink&)>;

    void here(Rule rule) { here_.push_back(std::move(rule)); }
    void helper(Rule rule) { helper_.push_back(std::move(rule)); }

    // Runs every rule and emits the findings to `out`; afterEach(k) is called on the calling
    // thread once the findings of k rules are emitted. A rule's exception is rethrown (the
    // first in emission order) once the helper thread has stopped.
    void run(FindingSink& out, const std::function<void(size_t)>& afterEach = {}) {
        const size_t n = helper_.size();
        std::vector<FindingSink> kept(n);
        std::vector<std::exception_ptr> errors(n);
        size_t finished = 0;
        bool quit = false;
        std::mutex mutex;
        std::condition_variable changed;
        std::thread thread;
        if (n > 0)
            thread = std::thread([&] {
                for (size_t i = 0; i < n; ++i) {
                    {
                        std::lock_guard<std::mutex> lock(mutex);
                        if (quit) return;
                    }
                    try {
                        helper_[i](kept[i]);
                    } catch (...) {
                        errors[i] = std::current_exception();
                    }
                    std::lock_guard<std::mutex> lock(mutex);
                    finished = i + 1;
                    changed.notify_all();
                }
            });
        // Stops the helper after its current rule however this function is left.
        struct Joiner {
            std::thread& thread;
            std::mutex& mutex;
            bool& quit;
            ~Joiner() {
                if (!thread.joinable()) return;
                {
                    std::lock_guard<std::mutex> lock(mutex);
                    quit = true;
                }
                thread.join();
            }
        } joiner{thread, mutex, quit};

        size_t emitted = 0;
        for (Rule& rule : here_) {
            rule(out);
            if (out.stopped()) return;
            if (afterEach) afterEach(++emitted);
        }
        for (size_t i = 0; i < n; ++i) {
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait(lock, [&] { return finished > i; });
            }
            if (errors[i]) std::rethrow_exception(errors[i]);
            if (!kept[i].forwardTo(out)) return;
            if (afterEach) afterEach(++emitted);
        }
    }

    // run(), telling the host after each rule the share of rules whose findings are out, and 1 at
    // the end.
    void run(FindingSink& out, sdk::Context& context) {
        const auto rules = static_cast<double>(here_.size() + helper_.size());
        run(out, [&](size_t done) { context.progress(static_cast<double>(done) / rules); });
        context.progress(1.0);
    }

private:
    std::vector<Rule> here_;
    std::vector<Rule> helper_;
};

}  // namespace patrol::plugins
