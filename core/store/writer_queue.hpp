// Writers of one process to one database file take turns on a mutex before they ask SQLite for
// the write lock. SQLite's own wait polls with growing sleeps, so under 32 concurrent writers
// some wait out the whole busy timeout while the lock is free most of the time; a mutex wakes
// the next writer as soon as the previous one commits. Writers of other processes are still
// kept apart by SQLite's lock and its busy timeout.
#pragma once

#include <memory>
#include <mutex>
#include <string>

namespace patrol::store {

class WriterTurn {
public:
    // Waits up to `timeoutMs` for the turn of `path`; Busy when it does not come.
    WriterTurn(const std::string& path, int timeoutMs);
    ~WriterTurn();
    WriterTurn(const WriterTurn&) = delete;
    WriterTurn& operator=(const WriterTurn&) = delete;

private:
    std::shared_ptr<std::timed_mutex> mutex_;
};

}  // namespace patrol::store
