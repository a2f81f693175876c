#include "core/data/stretch_board.hpp"

#include <algorithm>
#include <numeric>

namespace patrol::data::detail {

StretchBoard::StretchBoard(std::vector<BoardFile> files, size_t workers, size_t smallest, size_t leastShared, bool shareAlways)
    : files_(std::move(files)), smallest_(std::max<size_t>(1, smallest)), leastShared_(std::max(leastShared, 2 * smallest_)),
      shareAlways_(shareAlways), queues_(std::max<size_t>(1, workers)), unfinished_(files_.size(), 0) {
    // Every thread the same work: the largest files first, each cut where the thread with the
    // most room left is full. A file is joined by the thread that parses its last stretch, while
    // the others go on parsing: the thread that takes the first (largest) stretch of a file that
    // is cut finishes it last, so its room is charged with the join.
    size_t work = 0;
    for (const BoardFile& f : files_) work += f.body.size() + f.joinCharge;
    std::vector<size_t> room(queues_.size(), work / queues_.size() + 1);
    std::vector<size_t> order(files_.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return files_[a].body.size() > files_[b].body.size(); });
    for (const size_t file : order) {
        for (size_t from = 0;;) {
            const auto w = static_cast<size_t>(std::max_element(room.begin(), room.end()) - room.begin());
            if (from == 0) room[w] -= std::min(room[w], files_[file].joinCharge);
            const size_t to = cutAfter(file, from, room[w]);
            queues_[w].push_back(Stretch{file, from, to});
            ++unfinished_[file];
            room[w] -= std::min(room[w], to - from);
            if (to >= files_[file].body.size()) break;
            from = to;
        }
    }
}

// Where a stretch that should hold about `size` bytes from `from` ends: just after a line end.
// A line end inside a quoted field makes a wrong guess; joining the parts detects and repairs it.
size_t StretchBoard::cutAfter(size_t file, size_t from, size_t size) const {
    const BoardFile& f = files_[file];
    if (f.body.size() - from <= size + smallest_) return f.body.size();
    const size_t newline = f.body.find('\n', from + std::max(size, smallest_));
    return newline == std::string_view::npos || newline + 1 >= f.body.size() ? f.body.size() : newline + 1;
}

std::optional<Stretch> StretchBoard::next(size_t worker) {
    std::unique_lock lock(mutex_);
    for (;;) {
        std::optional<Stretch> s;
        if (!queues_[worker].empty()) {
            s = queues_[worker].front();
            queues_[worker].pop_front();
        } else if (!given_.empty()) {
            s = given_.front();
            given_.pop_front();
        } else {
            // Another thread's last planned stretch, from the thread with the most bytes left.
            std::deque<Stretch>* fullest = nullptr;
            size_t most = 0;
            for (auto& q : queues_) {
                size_t bytes = 0;
                for (const Stretch& t : q) bytes += t.stop - t.start + 1;
                if (bytes > most) most = bytes, fullest = &q;
            }
            if (fullest) {
                s = fullest->back();
                fullest->pop_back();
            }
        }
        if (s) {
            ++parsing_;
            return s;
        }
        if (parsing_ == 0) return std::nullopt;
        ++waiting_;
        wanted_.store(waiting_ > given_.size(), std::memory_order_relaxed);
        changed_.wait(lock);
        --waiting_;
        wanted_.store(waiting_ > given_.size(), std::memory_order_relaxed);
    }
}

size_t StretchBoard::share(const Stretch& s, size_t at, size_t stop) {
    if (!shareAlways_ && !wanted_.load(std::memory_order_relaxed)) return stop;
    const BoardFile& f = files_[s.file];
    if (at >= stop || stop - at < leastShared_) return stop;
    // The second half of what is left, from the first line end past the middle.
    const size_t newline = f.body.find('\n', at + (stop - at) / 2);
    if (newline == std::string_view::npos || newline + 1 >= stop || stop - (newline + 1) < smallest_) return stop;
    const size_t cut = newline + 1;
    {
        std::lock_guard lock(mutex_);
        if (!shareAlways_ && waiting_ <= given_.size()) return stop;  // another thread gave first
        given_.push_back(Stretch{s.file, cut, stop});
        ++unfinished_[s.file];
        wanted_.store(waiting_ > given_.size(), std::memory_order_relaxed);
    }
    changed_.notify_all();
    return cut;
}

bool StretchBoard::finished(size_t file) {
    bool last = false;
    {
        std::lock_guard lock(mutex_);
        --parsing_;
        last = --unfinished_[file] == 0;
    }
    // A waiting thread looks again: nothing may be left to share, or no one left to share it.
    changed_.notify_all();
    return last;
}

}  // namespace patrol::data::detail
