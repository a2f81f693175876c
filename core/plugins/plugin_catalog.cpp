#include "core/plugins/plugin_catalog.hpp"

#include "core/plugins/abi_check.hpp"
#include "core/plugins/child_process.hpp"
#include "core/plugins/crash_notice.hpp"
#include "core/plugins/stray_output.hpp"
#include "core/plugins/plugin_error.hpp"
#include "core/plugins/run_input.hpp"
#include "core/plugins/wire.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include <unistd.h>

namespace patrol::plugins {

std::string_view stateCode(PluginState state) {
    switch (state) {
    case PluginState::Discovered: return "discovered";
    case PluginState::Loaded: return "loaded";
    case PluginState::Failed: return "failed";
    }
    return "failed";
}

std::string_view stateLabel(PluginState state) {
    switch (state) {
    case PluginState::Discovered: return "已发现";
    case PluginState::Loaded: return "已加载";
    case PluginState::Failed: return "出错";
    }
    return "出错";
}

PluginStatus PluginEntry::status() const {
    const std::lock_guard lock(*guard);
    return {state, error};
}

namespace {
void markFailed(PluginEntry& p, std::string error) {
    p.state = PluginState::Failed;
    p.error = std::move(error);
}
}  // namespace

PluginEntry inspectPlugin(const std::filesystem::path& library) {
    PluginEntry p;
    p.id = library.stem().string();
    p.library = library;
    p.metadataFile = library.parent_path() / (p.id + ".json");
    const std::string label = pluginLabel(p.id, library);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(library, ec)) {
        markFailed(p, label + "无法加载：文件不存在或不是普通文件。请检查路径。");
        return p;
    }
    if (library.extension() != ".so") {
        markFailed(p, label + "无法加载：插件文件名应以 .so 结尾，实际为 \"" + library.filename().string() + "\"。");
        return p;
    }
    if (!std::filesystem::is_regular_file(p.metadataFile, ec)) {
        markFailed(p, label + "无法加载：缺少元数据文件 " + p.metadataFile.string() + "（应与 " + library.filename().string() +
                          " 放在同一目录）。请把构建生成的 " + p.id + ".json 一起安装。");
        return p;
    }
    try {
        p.metadata = readMetadataFile(p.metadataFile);
    } catch (const MetadataError& e) {
        markFailed(p, label + "无法加载：" + e.what() + "。请按 SDK 说明（sdk/README.md）中的元数据格式改正后重新安装。");
        return p;
    }
    if (p.metadata->id != p.id) {
        markFailed(p, label + "无法加载：元数据中的 id 为 \"" + p.metadata->id + "\"，应与文件名一致（\"" + p.id + "\"）。请把文件改名为 " +
                          p.metadata->id + ".so 或改正元数据。");
        return p;
    }
    if (auto refusal = abiRefusal(p.id, library, p.metadata->abi, hostAbi())) {
        markFailed(p, *refusal);
        return p;
    }
    p.state = PluginState::Discovered;
    return p;
}

void loadPlugin(PluginEntry& plugin, bool isolate) {
    // Held for the whole load: a second thread waits and then finds the plugin loaded.
    const std::lock_guard lock(*plugin.guard);
    if (plugin.state == PluginState::Failed || !plugin.metadata) return;
    if (!isolate) {
        if (plugin.loaded) return;
        try {
            // Loading runs the library's static initializers: plugin code, which may crash.
            const CrashNotice notice(pluginLabel(plugin.id, plugin.library) + "在本进程中加载时崩溃",
                                     "，patrol 随之终止。请加 --isolate 重新运行（或配置 plugins.isolate = true）：隔离加载时插件崩溃只算该插件出错。");
            plugin.loaded = PluginLibrary::load(plugin.library, *plugin.metadata);
            plugin.state = PluginState::Loaded;
            plugin.error.clear();
        } catch (const std::exception& e) {
            markFailed(plugin, e.what());
        }
        return;
    }
    // Isolated: load in a child and only learn whether it worked.
    const int input = writeRunInput(RunInput{plugin.library, plugin.metadataFile, 0, {}}, *plugin.metadata, nullptr);
    ChildOutcome outcome;
    try {
        StrayLines stray(plugin.id);
        outcome = runInChild("load", input, std::chrono::seconds(30), nullptr, nullptr, [&](const char* bytes, size_t size) { stray.add(bytes, size); });
        stray.finish();
    } catch (...) {
        ::close(input);
        throw;
    }
    ::close(input);
    wire::Reader frames(outcome.output);
    wire::Kind kind;
    std::string_view payload;
    if (frames.frame(kind, payload)) {
        if (kind == wire::Done) {
            plugin.state = PluginState::Loaded;
            plugin.error.clear();
            return;
        }
        if (kind == wire::LoadFailed) {
            markFailed(plugin, wire::Reader(payload).text());
            return;
        }
    }
    markFailed(plugin, pluginLabel(plugin.id, plugin.library) + "无法加载：加载时隔离进程异常终止（" + outcome.describe() +
                           "）。请把这条信息交给插件作者。");
}

PluginCatalog PluginCatalog::discover(const std::vector<std::filesystem::path>& folders) {
    PluginCatalog catalog;
    catalog.folders_ = folders;
    std::set<std::string> seen;
    for (const auto& folder : folders) {
        std::error_code ec;
        if (!std::filesystem::is_directory(folder, ec)) continue;
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(folder, ec))
            if (e.path().extension() == ".so" && e.is_regular_file(ec)) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            PluginEntry p = inspectPlugin(file);
            if (!seen.insert(p.id).second) {
                const PluginEntry* first = catalog.find(p.id);
                markFailed(p, pluginLabel(p.id, file) + "未使用：同名插件已从 " + (first ? first->library.string() : std::string("前面的目录")) +
                                  " 载入。请删除其中一个。");
            }
            catalog.plugins_.push_back(std::move(p));
        }
    }
    return catalog;
}

void PluginCatalog::loadAll(bool isolate) {
    for (auto& p : plugins_) loadPlugin(p, isolate);
}

PluginEntry* PluginCatalog::find(const std::string& id) {
    // Decided by order alone, never by state, which a run on another thread may be changing:
    // discover() fails every namesake after the first, so the first is the one in use.
    for (auto& p : plugins_)
        if (p.id == id) return &p;
    return nullptr;
}

}  // namespace patrol::plugins
