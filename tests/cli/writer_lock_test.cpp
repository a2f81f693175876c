// Writers of different processes line up on the lock file beside the database (`<db>-writer`):
// a write waits while another process holds it, is refused with the Busy message when its budget
// runs out (nothing written), goes ahead when the holder is killed, and does without the lock file
// when it cannot be used.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cli/locked_out.hpp"
#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

// Takes the writer lock of `db` on a description of its own, as another patrol process would.
int holdWriterLock(const std::string& db) {
    const int fd = ::open((db + "-writer").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    struct flock range{};
    range.l_type = F_WRLCK;
    range.l_whence = SEEK_SET;
    range.l_len = 1;
    if (fd < 0 || fcntl(fd, F_OFD_SETLK, &range) != 0) throw std::runtime_error("the writer lock could not be taken");
    return fd;
}

std::vector<std::string> addUnitA(const Patrol& patrol) {
    return {"unit", "add", "--code", "A", "--name", "甲单位", "--kind", "other", "--db", patrol.db()};
}

}  // namespace

TEST_CASE("a write waits for another process holding the writer lock and goes ahead once it is let go") {
    ScratchDir dir;
    Patrol patrol(dir);
    patrol({"init"});
    const int held = holdWriterLock(patrol.db());
    std::thread release([held] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        ::close(held);
    });
    const Run run = patrol.raw(addUnitA(patrol));
    release.join();
    CHECK(run.exitCode == 0);
    CHECK(run.err.empty());
    CHECK(rawScalar(patrol.db(), "SELECT name FROM units WHERE code = 'A'") == "甲单位");
    CHECK(patrol({"audit", "verify"}).exitCode == 0);
}

TEST_CASE("a write kept waiting on the writer lock past its budget is refused with the Busy message, changing nothing") {
    ScratchDir dir;
    Patrol patrol(dir);
    patrol({"init"});
    const std::string config = dir.write("patrol.ini", "[database]\nbusy_timeout_ms = 300\n");
    const int held = holdWriterLock(patrol.db());  // SQLite's own lock stays free all along
    auto args = addUnitA(patrol);
    args.insert(args.end(), {"--config", config});
    const Run run = patrol.raw(args);
    ::close(held);
    checkUnitWriteLockedOut(patrol, run);
    // Let go, the same write goes through.
    CHECK(patrol.raw(args).exitCode == 0);
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM units") == "1");
}

TEST_CASE("a holder of the writer lock killed with SIGKILL blocks nobody: the waiting write goes ahead") {
    ScratchDir dir;
    Patrol patrol(dir);
    patrol({"init"});
    int ready[2];
    REQUIRE(pipe(ready) == 0);
    const pid_t holder = fork();
    REQUIRE(holder >= 0);
    if (holder == 0) {  // only async-signal-safe calls after fork in a threaded process
        const int fd = ::open((patrol.db() + "-writer").c_str(), O_RDWR | O_CREAT, 0644);
        struct flock range{};
        range.l_type = F_WRLCK;
        range.l_whence = SEEK_SET;
        range.l_len = 1;
        const char taken = (fd >= 0 && fcntl(fd, F_OFD_SETLK, &range) == 0) ? 'y' : 'n';
        if (::write(ready[1], &taken, 1) != 1) _exit(1);
        for (;;) pause();
    }
    ::close(ready[1]);
    char taken = 0;
    REQUIRE(::read(ready[0], &taken, 1) == 1);
    ::close(ready[0]);
    REQUIRE(taken == 'y');
    const pid_t waiter = spawnPatrol(addUnitA(patrol), dir.file("out.txt"), dir.file("err.txt"));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the waiter is (most likely) in line by now
    ::kill(holder, SIGKILL);
    waitpid(holder, nullptr, 0);
    int status = 0;
    waitpid(waiter, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(readText(dir.file("err.txt")).empty());
    CHECK(rawScalar(patrol.db(), "SELECT name FROM units WHERE code = 'A'") == "甲单位");
}

TEST_CASE("a write does without the writer lock when its file cannot be opened") {
    ScratchDir dir;
    Patrol patrol(dir);
    patrol({"init"});
    CHECK(::unlink((patrol.db() + "-writer").c_str()) == 0);  // `init` wrote, so the lock file is there
    REQUIRE(::mkdir((patrol.db() + "-writer").c_str(), 0755) == 0);  // a folder where the lock file belongs
    const Run run = patrol.raw(addUnitA(patrol));
    CHECK(run.exitCode == 0);
    CHECK(run.err.empty());
    CHECK(rawScalar(patrol.db(), "SELECT name FROM units WHERE code = 'A'") == "甲单位");
}
