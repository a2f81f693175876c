// One plugin's shared library, loaded and shaken hands with. The patrol_plugin struct the
// entry point returns lives inside the library, so whoever holds it holds the library: the
// library is unloaded only after the last holder lets go.
#pragma once

#include "core/plugins/plugin_metadata.hpp"

#include <patrol/plugin_abi.h>

#include <filesystem>
#include <memory>

namespace patrol::plugins {

class PluginLibrary {
public:
    // Loads `file` with rtld_now | rtld_local, calls patrol_plugin_entry and checks what it
    // returns against `metadata` (struct size, ABI, id). Throws PluginError with the full
    // message when anything is wrong.
    static std::shared_ptr<const PluginLibrary> load(const std::filesystem::path& file, const PluginMetadata& metadata);

    const patrol_plugin& plugin() const { return *plugin_; }
    const std::filesystem::path& file() const { return file_; }

    ~PluginLibrary();
    PluginLibrary(const PluginLibrary&) = delete;
    PluginLibrary& operator=(const PluginLibrary&) = delete;

private:
    PluginLibrary() = default;
    struct Handle;
    std::unique_ptr<Handle> handle_;
    const patrol_plugin* plugin_ = nullptr;
    std::filesystem::path file_;
};

}  // namespace patrol::plugins
