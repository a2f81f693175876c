// Opens the configured database file, creating its folder on first use.
#pragma once

#include <string>

#include "core/store/database.hpp"

namespace patrol::services {

class Settings;

// Path from database.path; busy timeout from database.busy_timeout_ms.
store::Database openDatabase(const Settings& settings);
store::Database openDatabase(const std::string& path, int busyTimeoutMs);

}  // namespace patrol::services
