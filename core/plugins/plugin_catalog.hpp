// The plugins the host knows: found in the configured folders (files named <id>.so with
// <id>.json beside them), each with a state and, when it cannot be used, an error naming
// the plugin, the file, what was expected and what was found. A broken plugin is listed,
// never fatal.
#pragma once

#include "core/plugins/plugin_library.hpp"
#include "core/plugins/plugin_metadata.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::plugins {

enum class PluginState {
    Discovered,  // metadata read and ABI accepted; no plugin code has run
    Loaded,      // the library is loaded (or, isolated, was loaded in a child) and shook hands
    Failed,      // unusable; see error
};

std::string_view stateCode(PluginState state);   // "discovered" | "loaded" | "failed"
std::string_view stateLabel(PluginState state);  // 已发现 | 已加载 | 出错

// A plugin's state and error as of one moment, read together.
struct PluginStatus {
    PluginState state = PluginState::Discovered;
    std::string error;
};

struct PluginEntry {
    std::string id;                        // the file name without .so
    std::filesystem::path library;         // <folder>/<id>.so
    std::filesystem::path metadataFile;    // <folder>/<id>.json
    std::optional<PluginMetadata> metadata;
    PluginState state = PluginState::Discovered;
    std::string error;
    std::shared_ptr<const PluginLibrary> loaded;  // set when loaded in this process
    // Guards state, error and loaded once plugins run: several threads may run one plugin at
    // once. Shared by copies of the entry (a mutex cannot be copied). id, the paths and the
    // metadata never change after discovery and are read freely.
    std::shared_ptr<std::mutex> guard = std::make_shared<std::mutex>();

    // State and error under the guard: how everything outside loading and running reads them.
    PluginStatus status() const;
    bool usable() const { return status().state != PluginState::Failed; }
};

// Reads the metadata of `library` and checks its ABI; nothing of the library is run.
PluginEntry inspectPlugin(const std::filesystem::path& library);

// Loads the plugin: in this process, or when `isolate` in a child process (started afresh,
// see child_process.hpp) that only reports whether loading worked (a crash while loading then
// cannot take the host down). Safe to call from several threads for the same entry.
void loadPlugin(PluginEntry& plugin, bool isolate);

class PluginCatalog {
public:
    // Every <id>.so in the folders, in folder order then by name; missing folders are skipped.
    // An id found again in a later folder is listed as failed (the first one wins).
    static PluginCatalog discover(const std::vector<std::filesystem::path>& folders);

    void loadAll(bool isolate);
    std::vector<PluginEntry>& plugins() { return plugins_; }
    const std::vector<PluginEntry>& plugins() const { return plugins_; }
    // The entry named `id` that is used: the first one found (later namesakes are failed).
    PluginEntry* find(const std::string& id);
    const std::vector<std::filesystem::path>& folders() const { return folders_; }

private:
    std::vector<std::filesystem::path> folders_;
    std::vector<PluginEntry> plugins_;
};

}  // namespace patrol::plugins
