#include "core/store/writer_queue.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>

#include "core/domain/errors.hpp"

namespace patrol::store {

namespace {

// One writer waiting for its turn; lives on that writer's stack while it is queued.
struct Waiter {
    std::condition_variable wake;
    bool granted = false;
};

}  // namespace

struct WriterQueue {
    std::mutex mutex;
    bool taken = false;            // some writer holds the turn
    std::deque<Waiter*> waiting;  // in arrival order
};

namespace {

std::shared_ptr<WriterQueue> queueOf(const std::string& path) {
    static std::mutex guard;
    static std::map<std::string, std::shared_ptr<WriterQueue>> queues;
    std::lock_guard lock(guard);
    auto& q = queues[path];
    if (!q) q = std::make_shared<WriterQueue>();
    return q;
}

}  // namespace

WriterTurn::WriterTurn(const std::string& path, int timeoutMs) : queue_(queueOf(path)) {
    std::unique_lock lock(queue_->mutex);
    if (!queue_->taken && queue_->waiting.empty()) {
        queue_->taken = true;
        return;
    }
    Waiter me;
    queue_->waiting.push_back(&me);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    if (!me.wake.wait_until(lock, deadline, [&] { return me.granted; })) {
        queue_->waiting.erase(std::find(queue_->waiting.begin(), queue_->waiting.end(), &me));
        throw Busy("数据库 " + path + " 正忙：其他写入在等待时限（配置项 database.busy_timeout_ms）内没有完成，本次操作没有执行。请稍后重试。");
    }
}

WriterTurn::~WriterTurn() {
    std::lock_guard lock(queue_->mutex);
    if (queue_->waiting.empty()) {
        queue_->taken = false;
        return;
    }
    // Handed straight to the longest waiter: the turn is never free for a newcomer to take.
    Waiter* next = queue_->waiting.front();
    queue_->waiting.pop_front();
    next->granted = true;
    next->wake.notify_one();  // under the lock: the waiter cannot leave (and free `wake`) before we do
}

size_t writersWaiting(const std::string& path) {
    const auto queue = queueOf(path);
    std::lock_guard lock(queue->mutex);
    return queue->waiting.size();
}

}  // namespace patrol::store
