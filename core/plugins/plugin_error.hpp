// Why a plugin cannot be used. Every message names the plugin and its file, says what was
// expected and what was found, and what to do.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace patrol::plugins {

class PluginError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "插件 four_styles（/usr/lib/patrol/plugins/four_styles.so）"
inline std::string pluginLabel(const std::string& id, const std::filesystem::path& file) {
    return "插件 " + id + "（" + file.string() + "）";
}

}  // namespace patrol::plugins
