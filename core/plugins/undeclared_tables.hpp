// Tables a plugin asks for by a name its metadata does not declare. A typo in a table name
// must not read as "the file is missing" (rules skipped, nothing found, exit 0): the host
// answers with a table that has no columns and no rows — the SDK throws on it, a C plugin that
// only checks for NULL finds nothing in it — and fails the run naming the name.
#pragma once

#include "core/plugins/plugin_metadata.hpp"

#include <patrol/plugin_abi.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace patrol::plugins {

class UndeclaredTables {
public:
    explicit UndeclaredTables(const PluginMetadata& metadata) : metadata_(metadata) {}

    bool declared(const char* name) const { return metadata_.table(name) != nullptr; }
    // The empty stand-in for an undeclared name, noted for error(); valid as long as this object.
    const patrol_table* standIn(const char* name);
    // Why the run fails, when the plugin asked for any undeclared table: names the first one
    // and the declared ones (the part after "运行出错：").
    std::optional<std::string> error() const;

private:
    struct Entry {
        std::string name;
        patrol_table table{};
    };
    const PluginMetadata& metadata_;
    mutable std::mutex mutex_;  // plugins may ask from their own threads
    std::vector<std::unique_ptr<Entry>> asked_;
};

}  // namespace patrol::plugins
