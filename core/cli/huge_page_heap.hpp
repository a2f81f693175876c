// Commands that build tens of thousands of rows in malloc's heap may run with that heap in
// transparent huge pages. glibc lays its heap out in 2 MiB pages when the GLIBC_TUNABLES variable
// asks for it (glibc.malloc.hugetlb=1), but reads the variable only when a process starts, so such
// a command starts itself again with it set.
//
// Whether that pays depends on the machine at the moment. Where a fresh 4 KiB page is expensive
// (about 12 µs on the AMD machine of bench/serve/README.md), `escalate` over 50,000 tasks spent a
// third of its time on its 37,600 of them, and huge pages saved most of that. Where 4 KiB pages
// are cheap (2 µs: pages freed a moment ago, on a machine that hands free memory back to its
// host), the huge pages are the expensive ones, taken from the large free blocks the host was
// given back (5.8-9.3 µs per 4 KiB of them, bench/README.md), and escalate ran a sixth slower
// with them. So the command first writes to a few fresh 4 KiB pages and starts again only when
// they cost as much as huge pages would at their worst (core/data/fresh_pages.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace patrol::cli {

// Whether the command at `path` ({"escalate"}, {"task", "list"}) is one measured to gain.
bool wantsHugePageHeap(const std::vector<std::string>& path);

// GLIBC_TUNABLES with the huge-page heap asked for, given its current value (nullptr when unset);
// nullopt when it already says anything about glibc.malloc.hugetlb, the user's choice or this
// process's own from its start.
std::optional<std::string> tunablesWithHugePageHeap(const char* current);

// For a command that wants it, a variable that does not say yet, and fresh pages that cost
// enough: runs this executable again (/proc/self/exe) with the same arguments and the variable
// set, and so does not return. Returns when nothing is to be done, or when that fails, with the
// environment as it was.
void relaunchWithHugePageHeap(const std::vector<std::string>& path, char** argv);

}  // namespace patrol::cli
