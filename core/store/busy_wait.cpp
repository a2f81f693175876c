#include "core/store/busy_wait.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <thread>

namespace patrol::store {

using namespace std::chrono;

namespace {

// SQLite calls the handler on the thread that waits, from the first try (tries == 0) to the
// last of one wait, never two waits at once on one thread: the start can live per thread.
thread_local steady_clock::time_point waitStarted;

int onBusy(void* budget, int tries) {
    const auto budgetMs = milliseconds(reinterpret_cast<intptr_t>(budget));
    const auto now = steady_clock::now();
    if (tries == 0) waitStarted = now;
    const auto waited = duration_cast<milliseconds>(now - waitStarted);
    if (waited >= budgetMs) return 0;  // given up: the caller sees SQLITE_BUSY
    std::this_thread::sleep_for(std::min<microseconds>(busyPauseAfter(waited), budgetMs - waited));
    return 1;
}

}  // namespace

void installBusyWait(sqlite3* db, int budgetMs) {
    // The budget is the handler's argument itself: nothing to keep alive beside the connection.
    sqlite3_busy_handler(db, &onBusy, reinterpret_cast<void*>(static_cast<intptr_t>(budgetMs)));
}

microseconds busyPauseAfter(milliseconds waited) {
    // A write holds the lock for milliseconds; a try costs one system call. Waiters that have
    // waited longer try more often than newcomers.
    if (waited < milliseconds(50)) return microseconds(3000);
    if (waited < milliseconds(250)) return microseconds(2000);
    return microseconds(1000);
}

}  // namespace patrol::store
