// A plugin's settings: the declared defaults, overridden by the user's configuration
// (keys plugin.<id>.<key>), each value checked against its declared type and range before
// the plugin starts. The plugin receives every value as canonical text.
#pragma once

#include "core/plugins/plugin_metadata.hpp"

#include <map>
#include <optional>
#include <string>

namespace patrol::plugins {

// The canonical text of `value` for a setting of `type` (money "150" -> "150.00", time
// "9:05" is refused), or nullopt when the value is not of that type.
std::optional<std::string> canonicalSettingValue(SettingType type, const std::string& value);

// Orders two canonical values of a numeric type (integer, money, ratio, time): <0, 0, >0.
int compareSettingValues(SettingType type, const std::string& a, const std::string& b);

// What a value of the type looks like, for messages ("金额（元，最多两位小数，如 150.00）").
std::string settingTypeDescription(SettingType type);

// The values the plugin runs with: every declared setting, from `overrides` when given there,
// else its default. Throws UserError naming the plugin, the key, the value and what is
// allowed, for an unknown key, a value of the wrong type or one out of range.
std::map<std::string, std::string> resolveSettings(const PluginMetadata& metadata, const std::map<std::string, std::string>& overrides);

}  // namespace patrol::plugins
