// Commands that build tens of thousands of rows in malloc's heap run with that heap in
// transparent huge pages. On the virtual machines Patrol is measured on, the first write to a
// fresh 4 KiB page costs about 12 µs (bench/fault_cost.py), and `escalate` over 50,000 tasks
// wrote 37,600 of them: a third of its time. glibc lays its heap out in 2 MiB pages when the
// GLIBC_TUNABLES variable asks for it (glibc.malloc.hugetlb=1), but reads the variable only when a
// process starts, so such a command starts itself again with it set.
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

// For a command that wants it and a variable that does not say yet: runs this executable again
// (/proc/self/exe) with the same arguments and the variable set, and so does not return. Returns
// when nothing is to be done, or when that fails, with the environment as it was.
void relaunchWithHugePageHeap(const std::vector<std::string>& path, char** argv);

}  // namespace patrol::cli
