// The writer lock file in one process: taken when free, not taken (and timed out) while another
// open description holds it, taken again once that one lets go; no lock file for a database that
// is not a file.
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>

#include "core/store/writer_lock.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol::store;
using patrol::testing::ScratchDir;

namespace {

std::chrono::steady_clock::time_point soon() { return std::chrono::steady_clock::now() + std::chrono::milliseconds(50); }

}  // namespace

TEST_CASE("a writer lock is taken when free, times out while another description holds it, and is taken once let go") {
    ScratchDir dir;
    const std::string db = dir.write("t.db", "");
    auto first = std::make_unique<WriterLock>(db, soon());
    CHECK(first->holding());
    CHECK_FALSE(first->timedOut());
    {
        WriterLock second(db, soon());  // its own description: it conflicts even in this process
        CHECK_FALSE(second.holding());
        CHECK(second.timedOut());
    }
    first.reset();
    WriterLock third(db, soon());
    CHECK(third.holding());
    CHECK_FALSE(third.timedOut());
}

TEST_CASE("a database that is not a file has no writer lock and never waits for one") {
    WriterLock memory(":memory:", std::chrono::steady_clock::now());
    CHECK_FALSE(memory.holding());
    CHECK_FALSE(memory.timedOut());
}
