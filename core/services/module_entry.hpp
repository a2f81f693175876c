// Patrol's own modules (lib/patrol/patrol-serve.so, patrol-office.so: install_paths.hpp) are
// loaded with dlopen by the commands that need them, so every other command starts without their
// libraries. Both are found and entered the same way.
#pragma once

#include <string>

namespace patrol::services {

// Loads `file` (never closed: its code runs until the process ends or is used again) and returns
// its symbol `entry`. Throws a plain runtime error naming `what` and the file when either cannot
// be had: a broken build or install, not something the user typed.
void* moduleEntry(const std::string& file, const char* entry, const std::string& what);

}  // namespace patrol::services
