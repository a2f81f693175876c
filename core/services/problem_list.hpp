// Problems found in a file, by line: all are counted, only the `limit` with the smallest line
// numbers are kept (in the order found for equal lines). A file of a million bad rows costs a
// count and `limit` messages, whatever order the problems are found in.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace patrol::services {

class ProblemList {
public:
    explicit ProblemList(size_t limit) : limit_(limit) {}

    void add(size_t line, const std::string& message) {
        ++count_;
        if (limit_ == 0) return;
        const Entry entry{line, count_, message};
        if (kept_.size() == limit_) {
            if (!(entry < kept_.front())) return;  // later than every kept one
            std::pop_heap(kept_.begin(), kept_.end());
            kept_.pop_back();
        }
        kept_.push_back(entry);
        std::push_heap(kept_.begin(), kept_.end());
    }

    bool empty() const { return count_ == 0; }
    size_t count() const { return count_; }

    // The kept problems as (line, message), by line.
    std::vector<std::pair<size_t, std::string>> listed() const {
        std::vector<Entry> sorted = kept_;
        std::sort(sorted.begin(), sorted.end());
        std::vector<std::pair<size_t, std::string>> out;
        for (auto& e : sorted) out.emplace_back(e.line, std::move(e.message));
        return out;
    }

private:
    struct Entry {
        size_t line;
        size_t order;
        std::string message;
        bool operator<(const Entry& o) const { return std::tie(line, order) < std::tie(o.line, o.order); }
    };
    size_t limit_;
    size_t count_ = 0;
    std::vector<Entry> kept_;  // a max-heap: the latest kept problem on top
};

}  // namespace patrol::services
