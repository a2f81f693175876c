#include "core/store/group_commit.hpp"

#include <sqlite3.h>

#include "core/store/database.hpp"
#include "core/store/transaction.hpp"

namespace patrol::store {

std::vector<std::exception_ptr> GroupCommit::commitTogether(Database& db, const std::vector<const Write*>& writes) {
    std::vector<std::exception_ptr> refusals(writes.size());
    try {
        Transaction batch(db);
        for (size_t i = 0; i < writes.size(); ++i) {
            try {
                Transaction one(db);  // a savepoint inside the batch
                (*writes[i])(db);
                one.commit();
            } catch (...) {
                refusals[i] = std::current_exception();
                // Some failures (I/O, a full disk) make SQLite roll back the whole transaction:
                // the writes before this one are gone too, so the batch fails as a whole.
                if (sqlite3_get_autocommit(db.handle())) throw;
            }
        }
        batch.commit();
    } catch (...) {
        const auto failure = std::current_exception();
        for (auto& r : refusals) r = failure;
    }
    return refusals;
}

void GroupCommit::run(Database& db, const Write& write) {
    Pending me{&write, nullptr};
    std::unique_lock lock(mutex_);
    queued_.push_back(&me);
    while (!me.done) {
        if (leading_) {
            finished_.wait(lock);
            continue;
        }
        leading_ = true;
        std::vector<Pending*> batch;
        while (!queued_.empty() && batch.size() < maxBatch_) {
            batch.push_back(queued_.front());
            queued_.pop_front();
        }
        lock.unlock();
        std::vector<const Write*> writes;
        for (const auto* p : batch) writes.push_back(p->write);
        auto refusals = commitTogether(db, writes);
        lock.lock();
        for (size_t i = 0; i < batch.size(); ++i) {
            batch[i]->refusal = std::move(refusals[i]);
            batch[i]->done = true;
        }
        leading_ = false;
        finished_.notify_all();
    }
    lock.unlock();
    if (me.refusal) std::rethrow_exception(me.refusal);
}

}  // namespace patrol::store
