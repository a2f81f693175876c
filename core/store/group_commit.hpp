// Group commit: the writes of many concurrent requests share one SQLite transaction, so they
// share one COMMIT (one fsync of the WAL) instead of paying one each. Each write still runs in
// a savepoint of its own: a write that is refused is undone alone and the others in its batch are
// kept. A caller returns only after the COMMIT that made its write durable (or with its refusal,
// or with the batch's failure when the COMMIT itself failed: then nothing of the batch is stored).
//
// There is no writer thread: the first caller that finds no batch running leads one on its own
// connection, taking every write queued meanwhile; the others wait for its COMMIT. A write runs on
// the leader's connection and thread, so it must not depend on which connection it gets.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <vector>

namespace patrol::store {

class Database;

class GroupCommit {
public:
    using Write = std::function<void(Database&)>;

    explicit GroupCommit(size_t maxBatch = 64) : maxBatch_(maxBatch) {}

    // Runs `write` in the next batch; `db` is the caller's own connection, used if it leads.
    // Rethrows the write's refusal, or the batch's failure.
    void run(Database& db, const Write& write);

    // One batch on `db`: BEGIN IMMEDIATE, each write in its own savepoint, COMMIT. Returns each
    // write's refusal (null when stored). When the batch as a whole fails (the write lock not
    // granted, the COMMIT failing, SQLite ending the transaction after an I/O error), every
    // write gets that failure, those that ran before it included: none of them is stored.
    static std::vector<std::exception_ptr> commitTogether(Database& db, const std::vector<const Write*>& writes);

private:
    struct Pending {
        const Write* write;
        std::exception_ptr refusal;
        bool done = false;
    };

    size_t maxBatch_;
    std::mutex mutex_;
    std::condition_variable finished_;  // a batch ended: its callers leave, one waiter may lead next
    std::deque<Pending*> queued_;
    bool leading_ = false;
};

}  // namespace patrol::store
