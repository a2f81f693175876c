#include "core/store/writer_queue.hpp"

#include <chrono>
#include <map>

#include "core/domain/errors.hpp"

namespace patrol::store {

namespace {

std::shared_ptr<std::timed_mutex> mutexOf(const std::string& path) {
    static std::mutex guard;
    static std::map<std::string, std::shared_ptr<std::timed_mutex>> mutexes;
    std::lock_guard lock(guard);
    auto& m = mutexes[path];
    if (!m) m = std::make_shared<std::timed_mutex>();
    return m;
}

}  // namespace

WriterTurn::WriterTurn(const std::string& path, int timeoutMs) : mutex_(mutexOf(path)) {
    if (!mutex_->try_lock_for(std::chrono::milliseconds(timeoutMs)))
        throw Busy("数据库 " + path + " 正忙：其他写入在等待时限（配置项 database.busy_timeout_ms）内没有完成，本次操作没有执行。请稍后重试。");
}

WriterTurn::~WriterTurn() { mutex_->unlock(); }

}  // namespace patrol::store
