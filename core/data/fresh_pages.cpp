#include "core/data/fresh_pages.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstddef>

namespace patrol::data {

namespace {

// Pages the probe writes: enough that one page's page-table work does not decide, few enough to
// cost under a millisecond where pages are expensive.
constexpr size_t kProbePages = 32;

constexpr double kWorthHugePages = 5.0;

std::atomic<HugePages> decided{HugePages::Probe};

}  // namespace

double freshPageMicroseconds() {
    const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    const size_t bytes = kProbePages * page;
    void* mapped = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) return 0;
    ::madvise(mapped, bytes, MADV_NOHUGEPAGE);  // 4 KiB pages, whatever the system's default
    auto* const bytesAt = static_cast<volatile char*>(mapped);
    const auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < bytes; i += page) bytesAt[i] = 1;
    const std::chrono::duration<double, std::micro> spent = std::chrono::steady_clock::now() - start;
    ::munmap(mapped, bytes);
    return spent.count() / kProbePages;
}

bool hugePagesPayOff(double microsecondsPerPage) { return microsecondsPerPage >= kWorthHugePages; }

bool hugePagesPayHere() {
    switch (decided.load(std::memory_order_relaxed)) {
    case HugePages::Always: return true;
    case HugePages::Never: return false;
    case HugePages::Probe: break;
    }
    static const bool probed = hugePagesPayOff(freshPageMicroseconds());
    return probed;
}

void decideHugePages(HugePages how) { decided.store(how, std::memory_order_relaxed); }

}  // namespace patrol::data
