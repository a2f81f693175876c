#include "core/cli/huge_page_heap.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string_view>

namespace patrol::cli {

namespace {

constexpr std::string_view kTunable = "glibc.malloc.hugetlb";

// Pages the probe writes: enough that one page's page-table work does not decide, few enough to
// cost under half a millisecond where pages are expensive.
constexpr size_t kProbePages = 32;

// At or above this a fresh 4 KiB page costs as much as its share of a huge page taken from memory
// handed back to the host (5.8-9.3 µs, bench/README.md): pages freed a moment ago cost 1.6-2.5 µs
// on the same machine, and the AMD machine's 10-12 µs.
constexpr double kWorthHugePages = 5.0;

}  // namespace

bool wantsHugePageHeap(const std::vector<std::string>& path) {
    // Measured on 50,000 open tasks (bench/serve/README.md); `check --round` is not here: its
    // heap is mostly SQLite's page cache, which gained 0.2–0.4 s of 6 s and up to 8 MB of peak.
    static const std::vector<std::vector<std::string>> measured{{"escalate"}, {"task", "list"}};
    return std::find(measured.begin(), measured.end(), path) != measured.end();
}

std::optional<std::string> tunablesWithHugePageHeap(const char* current) {
    const std::string_view now = current ? current : "";
    if (now.find(kTunable) != std::string_view::npos) return std::nullopt;
    std::string tunables(now);
    if (!tunables.empty()) tunables += ':';
    return tunables.append(kTunable).append("=1");
}

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

void relaunchWithHugePageHeap(const std::vector<std::string>& path, char** argv) {
    if (!wantsHugePageHeap(path)) return;
    const char* current = std::getenv("GLIBC_TUNABLES");
    const std::optional<std::string> before = current ? std::optional<std::string>(current) : std::nullopt;
    const auto tunables = tunablesWithHugePageHeap(current);
    if (!tunables || !hugePagesPayOff(freshPageMicroseconds())) return;
    if (::setenv("GLIBC_TUNABLES", tunables->c_str(), 1) != 0) return;
    ::execv("/proc/self/exe", argv);
    // No /proc, or the file replaced meanwhile: this process goes on with the heap it has.
    if (before) ::setenv("GLIBC_TUNABLES", before->c_str(), 1);
    else ::unsetenv("GLIBC_TUNABLES");
}

}  // namespace patrol::cli
