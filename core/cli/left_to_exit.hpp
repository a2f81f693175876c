// Large results a command has printed, left for the end of the process instead of freed one
// allocation at a time: `patrol` runs one command and exits, and the kernel takes the whole heap
// back at once. With 50,000 rises of `escalate` and their listing freed one by one at the end,
// free() took 8.7 % of its CPU samples; left, 3.8 % (about 0.03 s less). The holder itself is
// never destroyed, so what it keeps stays reachable (a leak checker does not report it) and no
// destructor runs at exit.
#pragma once

#include <memory>
#include <utility>
#include <vector>

namespace patrol::cli {

template <class T>
void leaveToExit(T&& value) {
    static auto* const kept = new std::vector<std::shared_ptr<void>>();
    kept->push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

}  // namespace patrol::cli
