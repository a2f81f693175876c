#include "core/plugins/abi_check.hpp"

#include "core/plugins/plugin_error.hpp"

#include <patrol/plugin_abi.h>

namespace patrol::plugins {

AbiVersion hostAbi() { return {PATROL_ABI_MAJOR, PATROL_ABI_MINOR}; }

std::optional<std::string> abiRefusal(const std::string& id, const std::filesystem::path& file, AbiVersion required, AbiVersion host) {
    if (required.major != host.major)
        return pluginLabel(id, file) + "无法加载：它按插件 ABI " + required.text() + " 构建，本程序提供 ABI " + host.text() +
               "，主版本必须相同。请用本程序的 SDK（ABI " + std::to_string(host.major) + ".x）重新构建该插件，或换用与插件匹配的 patrol 版本。";
    if (required.minor > host.minor)
        return pluginLabel(id, file) + "无法加载：它需要插件 ABI " + required.text() + "，本程序只提供 ABI " + host.text() +
               "（次版本不能高于本程序）。请升级 patrol 到提供 ABI " + required.text() + " 或更新的版本，或用 ABI " + host.text() +
               " 的 SDK 重新构建该插件。";
    return std::nullopt;
}

}  // namespace patrol::plugins
