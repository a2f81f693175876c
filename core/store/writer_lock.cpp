#include "core/store/writer_lock.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>

// glibc before 2.38 keeps the thread id of SIGEV_THREAD_ID under its raw name.
#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid
#endif

namespace patrol::store {

using namespace std::chrono;

namespace {

// A blocking F_OFD_SETLKW has no timeout of its own: a timer aimed at the waiting thread
// interrupts it with this signal, whose handler does nothing and is installed without
// SA_RESTART, so the wait returns EINTR and the deadline is looked at.
int writerLockAlarmSignal() { return SIGRTMIN + 3; }

void onWriterLockAlarm(int) {}

void installWriterLockAlarm() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action{};
        action.sa_handler = &onWriterLockAlarm;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;  // no SA_RESTART: the blocked fcntl must return
        sigaction(writerLockAlarmSignal(), &action, nullptr);
    });
}

struct flock writerLockRange(short type) {
    struct flock range{};
    range.l_type = type;
    range.l_whence = SEEK_SET;
    range.l_start = 0;
    range.l_len = 1;
    range.l_pid = 0;  // required 0 for open-file-description locks
    return range;
}

timespec writerLockSpan(nanoseconds span) {
    const auto s = duration_cast<seconds>(span);
    return timespec{static_cast<time_t>(s.count()), static_cast<long>((span - s).count())};
}

enum class WriterLockWait { taken, timedOut, unusable };

// Blocks on the lock of `fd` until taken or `deadline`. The timer fires first at the deadline
// and then every few milliseconds: should the first signal land just before the thread enters
// fcntl, the next one still ends the wait.
WriterLockWait waitForWriterLock(int fd, steady_clock::time_point deadline) {
    installWriterLockAlarm();
    sigevent event{};
    event.sigev_notify = SIGEV_THREAD_ID;
    event.sigev_signo = writerLockAlarmSignal();
    event.sigev_notify_thread_id = static_cast<pid_t>(syscall(SYS_gettid));
    timer_t timer;
    if (timer_create(CLOCK_MONOTONIC, &event, &timer) != 0) return WriterLockWait::unusable;
    itimerspec when{};
    when.it_value = writerLockSpan(std::max(nanoseconds(1), deadline - steady_clock::now()));
    when.it_interval = writerLockSpan(milliseconds(5));
    sigset_t alarm, before;
    sigemptyset(&alarm);
    sigaddset(&alarm, writerLockAlarmSignal());
    pthread_sigmask(SIG_UNBLOCK, &alarm, &before);
    WriterLockWait outcome = WriterLockWait::unusable;
    // Without a timer the wait could outlast the budget: then SQLite's wait alone keeps order.
    const bool armed = timer_settime(timer, 0, &when, nullptr) == 0;
    while (armed) {
        struct flock range = writerLockRange(F_WRLCK);
        if (fcntl(fd, F_OFD_SETLKW, &range) == 0) {
            outcome = WriterLockWait::taken;
            break;
        }
        if (errno != EINTR) break;  // the lock cannot be used: SQLite's wait alone keeps order
        if (steady_clock::now() >= deadline) {
            outcome = WriterLockWait::timedOut;
            break;
        }
    }
    // Any signal the timer raised before it was deleted has been handled by the time
    // timer_delete returns, while it is still unblocked: none is left to interrupt later calls.
    timer_delete(timer);
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    return outcome;
}

}  // namespace

std::string writerLockPath(const std::string& path) { return path + "-writer"; }

WriterLock::WriterLock(const std::string& path, steady_clock::time_point deadline) {
    struct stat database{};
    if (::stat(path.c_str(), &database) != 0 || !S_ISREG(database.st_mode)) return;  // in memory: nothing to order
    // Created with the database's own permissions, like SQLite's -wal and -shm files.
    const int fd = ::open(writerLockPath(path).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, database.st_mode & 0666);
    if (fd < 0) return;
    struct flock range = writerLockRange(F_WRLCK);
    if (fcntl(fd, F_OFD_SETLK, &range) == 0) {
        fd_ = fd;
        return;
    }
    const bool heldElsewhere = errno == EAGAIN || errno == EACCES;
    const WriterLockWait outcome = heldElsewhere ? waitForWriterLock(fd, deadline) : WriterLockWait::unusable;
    if (outcome == WriterLockWait::taken) {
        fd_ = fd;
        return;
    }
    ::close(fd);
    timedOut_ = outcome == WriterLockWait::timedOut;
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) ::close(fd_);  // closing the last descriptor of the description releases its lock
}

}  // namespace patrol::store
