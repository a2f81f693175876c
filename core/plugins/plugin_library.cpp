#include "core/plugins/plugin_library.hpp"

#include "core/plugins/abi_check.hpp"
#include "core/plugins/plugin_error.hpp"

#include <boost/dll/shared_library.hpp>

#include <dlfcn.h>

#include <cstring>

namespace patrol::plugins {

struct PluginLibrary::Handle {
    boost::dll::shared_library library;
};

PluginLibrary::~PluginLibrary() = default;

std::shared_ptr<const PluginLibrary> PluginLibrary::load(const std::filesystem::path& file, const PluginMetadata& metadata) {
    const std::string label = pluginLabel(metadata.id, file);
    std::shared_ptr<PluginLibrary> lib(new PluginLibrary);
    lib->file_ = file;
    lib->handle_ = std::make_unique<Handle>();
    boost::dll::fs::error_code ec;
    lib->handle_->library.load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, ec);
    if (ec) {
        // Boost.DLL keeps only an error code; asking the loader again gives its own words.
        std::string why = ec.message();
        if (void* again = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL)) {
            ::dlclose(again);
        } else if (const char* text = ::dlerror()) {
            why = text;
        }
        throw PluginError(label + "无法加载：动态库打开失败（" + why +
                          "）。请确认它是为本机构建的插件，且依赖的库都已安装。");
    }
    if (!lib->handle_->library.has(PATROL_PLUGIN_ENTRY_SYMBOL))
        throw PluginError(label + "无法加载：库中没有入口函数 " PATROL_PLUGIN_ENTRY_SYMBOL "。请在插件源码中写一行 PATROL_PLUGIN(类名, \"" +
                          metadata.id + "\") 并重新构建。");
    const auto entry = lib->handle_->library.get<const patrol_plugin*()>(PATROL_PLUGIN_ENTRY_SYMBOL);
    const patrol_plugin* p = entry();
    if (!p) throw PluginError(label + "无法加载：入口函数 " PATROL_PLUGIN_ENTRY_SYMBOL " 返回了空指针，应返回插件描述结构。请检查插件的入口函数。");
    if (p->struct_size < offsetof(patrol_plugin, last_error) + sizeof(p->last_error))
        throw PluginError(label + "无法加载：插件描述结构大小为 " + std::to_string(p->struct_size) + " 字节，至少应为 " +
                          std::to_string(offsetof(patrol_plugin, last_error) + sizeof(p->last_error)) + " 字节。请用本程序的 SDK 重新构建该插件。");
    const AbiVersion built{p->abi_major, p->abi_minor};
    if (auto refusal = abiRefusal(metadata.id, file, built, hostAbi())) throw PluginError(*refusal);
    if (built.major != metadata.abi.major || built.minor != metadata.abi.minor)
        throw PluginError(label + "无法加载：元数据声明 ABI " + metadata.abi.text() + "，库本身按 ABI " + built.text() +
                          " 构建，两者应一致。请把元数据的 abi 改为 \"" + built.text() + "\" 后重新安装。");
    const std::string id = p->id ? p->id : "";
    if (id != metadata.id)
        throw PluginError(label + "无法加载：库报告的插件编号为 \"" + id + "\"，元数据中为 \"" + metadata.id +
                          "\"，两者应一致。请改正 PATROL_PLUGIN 宏中的编号或元数据后重新构建。");
    if (!p->run || !p->last_error)
        throw PluginError(label + "无法加载：插件描述结构缺少 run 或 last_error 函数。请用 SDK 的 PATROL_PLUGIN 宏生成入口。");
    lib->plugin_ = p;
    return lib;
}

}  // namespace patrol::plugins
