// Writers of one process to one database file take turns before they ask SQLite for the write
// lock. SQLite's own wait polls with growing sleeps, so under 32 concurrent writers some wait out
// the whole busy timeout while the lock is free most of the time. A plain mutex wakes a waiter
// when the lock is freed, but lets a thread that arrives at that moment barge in first, so under
// a steady stream of writers one waiter can lose again and again until its timeout (a 503). The
// turns are therefore handed over in arrival order: a writer waits at most for those queued
// before it. Writers of other processes are still kept apart by SQLite's lock and its busy timeout.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace patrol::store {

struct WriterQueue;

class WriterTurn {
public:
    // Waits up to `timeoutMs` for the turn of `path`; Busy when it does not come.
    WriterTurn(const std::string& path, int timeoutMs);
    ~WriterTurn();
    WriterTurn(const WriterTurn&) = delete;
    WriterTurn& operator=(const WriterTurn&) = delete;

private:
    std::shared_ptr<WriterQueue> queue_;
};

// How many writers of this process wait for the turn of `path` now (for tests of the order).
size_t writersWaiting(const std::string& path);

}  // namespace patrol::store
