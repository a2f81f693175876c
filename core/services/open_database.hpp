// Opens the configured database file. Only the commands that make a database (init, demo,
// restore) may create it; every other use of a path that does not exist is refused.
#pragma once

#include <string>

#include "core/domain/errors.hpp"
#include "core/store/database.hpp"

namespace patrol::services {

class Settings;

enum class IfMissing { Refuse, Create };

// The database file does not exist and the use case may not create it. Nothing was created.
class DatabaseNotFound : public UserError {
public:
    explicit DatabaseNotFound(const std::string& path);
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Path from database.path; busy timeout from database.busy_timeout_ms.
store::Database openDatabase(const Settings& settings, IfMissing ifMissing = IfMissing::Refuse);
store::Database openDatabase(const std::string& path, int busyTimeoutMs, IfMissing ifMissing = IfMissing::Refuse);
// database.busy_timeout_ms, checked to be in range.
int busyTimeoutMs(const Settings& settings);

}  // namespace patrol::services
