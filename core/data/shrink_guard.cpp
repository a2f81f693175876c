#include "core/data/shrink_guard.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>

namespace patrol::data {

namespace {

// Slots are claimed and read without locks: the signal handler may run on any thread at any
// time. A slot's range is published last and withdrawn first, so the handler never pairs a
// range with another file's message.
constexpr int kSlots = 32;
constexpr size_t kMessageBytes = 1024;

struct Slot {
    std::atomic<bool> taken{false};
    std::atomic<uintptr_t> begin{0};
    std::atomic<uintptr_t> end{0};
    char message[kMessageBytes] = {};
    size_t messageSize = 0;
};

Slot slots[kSlots];
struct sigaction previousAction {};

void onBusError(int signal, siginfo_t* info, void* context) {
    const auto address = reinterpret_cast<uintptr_t>(info ? info->si_addr : nullptr);
    for (const Slot& slot : slots) {
        const uintptr_t end = slot.end.load(std::memory_order_acquire);
        const uintptr_t begin = slot.begin.load(std::memory_order_acquire);
        if (end != 0 && address >= begin && address < end) {
            ssize_t ignored = ::write(STDERR_FILENO, slot.message, slot.messageSize);
            (void)ignored;
            ::_exit(2);
        }
    }
    // Not a guarded file: let SIGBUS do what it did before this guard was installed.
    if (previousAction.sa_flags & SA_SIGINFO) {
        if (previousAction.sa_sigaction) return previousAction.sa_sigaction(signal, info, context);
    } else if (previousAction.sa_handler != SIG_DFL && previousAction.sa_handler != SIG_IGN && previousAction.sa_handler) {
        return previousAction.sa_handler(signal);
    }
    ::sigaction(SIGBUS, &previousAction, nullptr);
    // A fault repeats on return, now with the old action; a sent signal must be sent again.
    if (!info || info->si_code <= 0) ::raise(signal);
}

void installOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_sigaction = onBusError;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGBUS, &action, &previousAction);
    });
}

}  // namespace

std::string shrunkFileMessage(const std::string& path) {
    return "数据文件 " + path + " 在读取过程中变短了（被截断，或被另一个程序改写）：原有的内容已读不到，检查没有完成，什么也没有记录。"
           "请等该文件写完、不再变动后重新运行。\n";
}

ShrinkGuard::ShrinkGuard(const char* begin, size_t size, const std::string& path) {
    if (!begin || size == 0) return;
    installOnce();
    for (int i = 0; i < kSlots; ++i) {
        bool expected = false;
        if (!slots[i].taken.compare_exchange_strong(expected, true)) continue;
        Slot& slot = slots[i];
        const std::string message = shrunkFileMessage(path);
        slot.messageSize = std::min(message.size(), kMessageBytes);
        std::memcpy(slot.message, message.data(), slot.messageSize);
        slot.begin.store(reinterpret_cast<uintptr_t>(begin), std::memory_order_release);
        slot.end.store(reinterpret_cast<uintptr_t>(begin) + size, std::memory_order_release);
        slot_ = i;
        return;
    }
    // Every slot in use (more files mapped at once than slots): this file reads unguarded.
}

ShrinkGuard::~ShrinkGuard() {
    if (slot_ < 0) return;
    Slot& slot = slots[slot_];
    slot.end.store(0, std::memory_order_release);
    slot.begin.store(0, std::memory_order_release);
    slot.taken.store(false, std::memory_order_release);
}

ShrinkGuard::ShrinkGuard(ShrinkGuard&& other) noexcept : slot_(other.slot_) { other.slot_ = -1; }

ShrinkGuard& ShrinkGuard::operator=(ShrinkGuard&& other) noexcept {
    if (this != &other) {
        this->~ShrinkGuard();
        slot_ = other.slot_;
        other.slot_ = -1;
    }
    return *this;
}

}  // namespace patrol::data
