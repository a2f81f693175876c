#include "core/cli/huge_page_heap.hpp"

#include "core/data/fresh_pages.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace patrol::cli {

namespace {

constexpr std::string_view kTunable = "glibc.malloc.hugetlb";

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

void relaunchWithHugePageHeap(const std::vector<std::string>& path, char** argv) {
    if (!wantsHugePageHeap(path)) return;
    const char* current = std::getenv("GLIBC_TUNABLES");
    const std::optional<std::string> before = current ? std::optional<std::string>(current) : std::nullopt;
    const auto tunables = tunablesWithHugePageHeap(current);
    if (!tunables || !data::hugePagesPayHere()) return;
    if (::setenv("GLIBC_TUNABLES", tunables->c_str(), 1) != 0) return;
    ::execv("/proc/self/exe", argv);
    // No /proc, or the file replaced meanwhile: this process goes on with the heap it has.
    if (before) ::setenv("GLIBC_TUNABLES", before->c_str(), 1);
    else ::unsetenv("GLIBC_TUNABLES");
}

}  // namespace patrol::cli
