// Runs a plugin's rules on two threads while the host still sees a single one. Rules added with
// here() run on the calling thread and emit as they go; rules added with helper() run at the
// same time on a second thread into their own kept sinks; rules added with either() run on
// whichever thread is free first (the calling thread once its own rules are done, the second
// once its are), also into kept sinks. The calling thread emits the kept findings after its own
// rules: the helper's rules', then the either rules', each in the order added. The order is
// fixed whatever the timing, and within each rule the findings come exactly as when the rules
// ran one after another. Rules that call the host (the working-day calendar, settings) must be
// added with here().
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
    // For a rule small enough to even out the two threads' work, whose share of it differs
    // from one ledger to another (a few findings-heavy rules on one side or the other).
    void either(Rule rule) { either_.push_back(std::move(rule)); }

    // Runs every rule and emits the findings to `out`; afterEach(k) is called on the calling
    // thread once the findings of k rules are emitted. A rule's exception is rethrown (the
    // first in emission order) once the helper thread has stopped.
    void run(FindingSink& out, const std::function<void(size_t)>& afterEach = {}) {
        const size_t n = helper_.size(), m = either_.size();
        // The kept rules: the helper's, then the either rules.
        std::vector<FindingSink> kept(n + m);
        std::vector<std::exception_ptr> errors(n + m);
        std::vector<char> done(n + m, 0);
        size_t nextEither = 0;  // the either rules before it are taken
        bool quit = false;
        std::mutex mutex;
        std::condition_variable changed;
        const auto runKept = [&](size_t i) {
            try {
                (i < n ? helper_[i] : either_[i - n])(kept[i]);
            } catch (...) {
                errors[i] = std::current_exception();
            }
            const std::lock_guard<std::mutex> lock(mutex);
            done[i] = 1;
            changed.notify_all();
        };
        // The next either rule no thread has taken, as a kept rule's place; false when none is left.
        const auto takeEither = [&](size_t& i) {
            const std::lock_guard<std::mutex> lock(mutex);
            if (quit || nextEither >= m) return false;
            i = n + nextEither++;
            return true;
        };
        std::thread thread;
        if (n + m > 0)
            thread = std::thread([&] {
                for (size_t i = 0; i < n; ++i) {
                    {
                        const std::lock_guard<std::mutex> lock(mutex);
                        if (quit) return;
                    }
                    runKept(i);
                }
                for (size_t i = 0; takeEither(i);) runKept(i);
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
        for (size_t i = 0; takeEither(i);) runKept(i);
        for (size_t i = 0; i < n + m; ++i) {
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait(lock, [&] { return done[i] != 0; });
            }
            if (errors[i]) std::rethrow_exception(errors[i]);
            if (!kept[i].forwardTo(out)) return;
            if (afterEach) afterEach(++emitted);
        }
    }

    // run(), telling the host after each rule the share of rules whose findings are out, and 1 at
    // the end.
    void run(FindingSink& out, sdk::Context& context) {
        const auto rules = static_cast<double>(here_.size() + helper_.size() + either_.size());
        run(out, [&](size_t done) { context.progress(static_cast<double>(done) / rules); });
        context.progress(1.0);
    }

private:
    std::vector<Rule> here_;
    std::vector<Rule> helper_;
    std::vector<Rule> either_;
};

}  // namespace patrol::plugins
