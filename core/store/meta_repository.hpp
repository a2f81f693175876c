// Small key/value facts about the database itself (e.g. whether the demo was seeded).
#pragma once

#include <optional>
#include <string>

namespace patrol::store {

class Database;

std::optional<std::string> readMeta(Database& db, const std::string& key);
void writeMeta(Database& db, const std::string& key, const std::string& value);

}  // namespace patrol::store
