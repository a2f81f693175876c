// Writers of different processes line up on a lock file beside the database (`<db>-writer`)
// before they ask SQLite for its write lock. SQLite's busy wait can only poll: between two tries
// the lock often stands free while every waiter sleeps, and with 16 writing processes the
// unlucky ones spend most of their budget asleep. A waiter here blocks in the kernel (an
// open-file-description lock, F_OFD_SETLKW) and is woken the moment the holder lets go.
//
// The lock file only orders writers; SQLite's lock still keeps them apart. So a writer that does
// not use it (an older patrol, the sqlite3 shell) is still safe, and when the lock file cannot be
// used (a read-only folder, a database in memory) a writer goes straight to SQLite's wait. The
// kernel drops the lock with the process: a killed holder blocks nobody.
#pragma once

#include <chrono>
#include <string>

namespace patrol::store {

class WriterLock {
public:
    // Waits until `deadline` for the lock file of the database at `path`. Returns without the
    // lock when the lock file cannot be used; holding() tells which. Throws nothing when the
    // deadline passes: timedOut() says so, and the caller refuses the write in its own words.
    WriterLock(const std::string& path, std::chrono::steady_clock::time_point deadline);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

    bool holding() const { return fd_ >= 0; }
    bool timedOut() const { return timedOut_; }

private:
    int fd_ = -1;  // the lock file, shared by the writers of this process, while locked
    bool timedOut_ = false;
};

// The lock file of the database at `path`.
std::string writerLockPath(const std::string& path);

}  // namespace patrol::store
