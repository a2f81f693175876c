#include "core/plugins/crash_notice.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <vector>

namespace patrol::plugins {

namespace {

struct CrashSignal {
    int number;
    const char* name;
};
constexpr CrashSignal kSignals[] = {{SIGSEGV, "SIGSEGV"}, {SIGBUS, "SIGBUS"}, {SIGFPE, "SIGFPE"}, {SIGILL, "SIGILL"}, {SIGABRT, "SIGABRT"}};
constexpr int kSignalCount = sizeof(kSignals) / sizeof(kSignals[0]);

// The handlers found before ours, given the signal back once the line is out.
struct sigaction previousActions[kSignalCount];
std::mutex installing;

// The notice of the thread that crashed, when plugin code crashed on the thread that called it.
thread_local const CrashNotice* threadNotice = nullptr;
// Every live notice: a plugin's own worker thread that crashes has none of its own, and then
// the plugin running (one of them, when several run at once) is named.
constexpr int kSlots = 64;
std::atomic<const CrashNotice*> liveNotices[kSlots];

void writeText(const char* text, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(STDERR_FILENO, text, size);
        if (n <= 0) return;  // nothing else can be done from here
        text += n;
        size -= static_cast<size_t>(n);
    }
}

void writeText(const char* text) { writeText(text, std::strlen(text)); }

extern "C" void onCrash(int signo) {
    const CrashNotice* notice = threadNotice;
    for (int i = 0; !notice && i < kSlots; ++i) notice = liveNotices[i].load(std::memory_order_acquire);
    int which = 0;
    while (which < kSignalCount && kSignals[which].number != signo) ++which;
    if (notice) {
        constexpr int kDigits = 12;
        char number[kDigits];
        int at = kDigits;
        for (int n = signo; at > 0 && (n > 0 || at == kDigits); n /= 10) number[--at] = static_cast<char>('0' + n % 10);
        writeText(notice->head().data(), notice->head().size());
        writeText("（信号 ");
        writeText(number + at, static_cast<size_t>(kDigits - at));
        writeText("（");
        writeText(which < kSignalCount ? kSignals[which].name : "?");
        writeText("））");
        writeText(notice->tail().data(), notice->tail().size());
        writeText("\n");
    }
    // Given back to whoever handled it before (by default: the process ends of this signal).
    // Raised again, it is delivered when this handler returns; a fault would recur anyway.
    if (which < kSignalCount) ::sigaction(signo, &previousActions[which], nullptr);
    ::raise(signo);
}

// Puts onCrash in place for every crash signal where something else is (first use, or another
// part of the program replaced it since).
void installHandlers() {
    const std::lock_guard lock(installing);
    for (int i = 0; i < kSignalCount; ++i) {
        struct sigaction current {};
        if (::sigaction(kSignals[i].number, nullptr, &current) != 0) continue;
        if (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == &onCrash) continue;
        struct sigaction ours {};
        ours.sa_handler = &onCrash;
        sigemptyset(&ours.sa_mask);
        ours.sa_flags = SA_ONSTACK;
        previousActions[i] = current;
        ::sigaction(kSignals[i].number, &ours, nullptr);
    }
}

// A stack for the handler on each thread that runs plugin code: a plugin that recursed until
// its stack ran out can still be named. Given up when the thread ends.
class AlternateStack {
public:
    AlternateStack() {
        stack_t current{};
        if (::sigaltstack(nullptr, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return;  // the thread has one already
        memory_.resize(64 * 1024);
        stack_t stack{};
        stack.ss_sp = memory_.data();
        stack.ss_size = memory_.size();
        if (::sigaltstack(&stack, nullptr) != 0) memory_.clear();
    }
    ~AlternateStack() {
        if (memory_.empty()) return;
        stack_t off{};
        off.ss_flags = SS_DISABLE;
        ::sigaltstack(&off, nullptr);
    }
    AlternateStack(const AlternateStack&) = delete;
    AlternateStack& operator=(const AlternateStack&) = delete;

private:
    std::vector<char> memory_;
};

}  // namespace

CrashNotice::CrashNotice(std::string head, std::string tail) : head_(std::move(head)), tail_(std::move(tail)), outer_(threadNotice), slot_(-1) {
    thread_local AlternateStack alternateStack;
    installHandlers();
    for (int i = 0; i < kSlots && slot_ < 0; ++i) {
        const CrashNotice* empty = nullptr;
        if (liveNotices[i].compare_exchange_strong(empty, this, std::memory_order_acq_rel)) slot_ = i;
    }
    threadNotice = this;
}

CrashNotice::~CrashNotice() {
    threadNotice = outer_;
    if (slot_ >= 0) liveNotices[slot_].store(nullptr, std::memory_order_release);
}

}  // namespace patrol::plugins
