// How a connection waits when another process holds the write lock. SQLite's own busy_timeout
// sleeps ever longer between tries (up to 100 ms each), so with many writers the lock often
// stands free while every waiter sleeps, and the unlucky ones spend their whole budget asleep.
// This handler tries again every few milliseconds until the budget (database.busy_timeout_ms)
// is spent, and more often the longer a writer has waited, so the oldest waiter tends to win.
#pragma once

#include <chrono>

struct sqlite3;

namespace patrol::store {

// Makes the busy wait the connection's busy handler, giving up after `budgetMs` of one wait.
void installBusyWait(sqlite3* db, int budgetMs);

// The pause before the next try after waiting `waited` so far.
std::chrono::microseconds busyPauseAfter(std::chrono::milliseconds waited);

}  // namespace patrol::store
