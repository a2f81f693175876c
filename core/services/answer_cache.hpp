// The same read-only list is asked for again and again between writes (a unit contact's task list
// reloaded from every desk), and answering it reads, filters and writes out the same records each
// time. This seam hands back the answer text computed last for the same key (the caller names the
// viewer and its normalised query in it) while nothing was written to the database since
// (write_generation.hpp): writes through this server and by other processes both count. The
// plain computation stays the reference it is tested against; a look-up inside an open
// transaction is never served nor stored. Who the caller is must be established before asking:
// the cache keeps answers, never sign-ins, so revoking a user ends their access at once.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace patrol::store {
class Database;
}

namespace patrol::services {

// The answer for `key` on this database file: the kept one if it is current, else compute() (its
// exceptions pass through, and nothing is kept for them).
std::string cachedAnswer(store::Database& db, const std::string& key, const std::function<std::string()>& compute);

// How many times cachedAnswer computed rather than reused (for tests).
int64_t answerComputations();

}  // namespace patrol::services
