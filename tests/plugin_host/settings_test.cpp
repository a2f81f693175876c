// Settings: defaults, overrides from the configuration, and refusals before the plugin starts.
#include "core/domain/errors.hpp"
#include "core/plugins/plugin_settings.hpp"

#include <catch2/catch.hpp>

using namespace patrol::plugins;

namespace {
PluginMetadata withSettings() {
    PluginMetadata m;
    m.id = "four_styles";
    auto add = [&](std::string key, SettingType type, std::string def, std::optional<std::string> min = {}, std::optional<std::string> max = {}) {
        SettingInfo s;
        s.key = std::move(key);
        s.type = type;
        s.defaultValue = std::move(def);
        s.min = std::move(min);
        s.max = std::move(max);
        m.settings.push_back(s);
    };
    add("reception_per_capita", SettingType::Money, "150.00", "0.01");
    add("idle_days", SettingType::Integer, "90", "1", "3650");
    add("idle_ratio", SettingType::Ratio, "0.5", "0", "1");
    add("night_start", SettingType::Time, "22:00");
    add("keywords", SettingType::List, "茅台|五粮液");
    return m;
}

std::string refusal(const std::map<std::string, std::string>& overrides) {
    try {
        resolveSettings(withSettings(), overrides);
    } catch (const patrol::UserError& e) {
        return e.what();
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("settings take their defaults and canonical overrides") {
    const auto values = resolveSettings(withSettings(), {{"reception_per_capita", "200"}, {"keywords", "茅台||购物卡|"}, {"idle_ratio", "0.25"}});
    CHECK(values.at("reception_per_capita") == "200.00");
    CHECK(values.at("idle_days") == "90");
    CHECK(values.at("idle_ratio") == "0.25");
    CHECK(values.at("night_start") == "22:00");
    CHECK(values.at("keywords") == "茅台|购物卡");
}

TEST_CASE("a bad override is refused naming the plugin, the key, the value and what is allowed") {
    CHECK(refusal({{"reception", "1"}}) ==
          "插件 four_styles 没有设置项 reception（配置项 plugin.four_styles.reception）。可用的设置项：reception_per_capita、idle_days、idle_ratio、"
          "night_start、keywords。请修改配置文件中的键名。");
    CHECK(refusal({{"idle_days", "ninety"}}) ==
          "插件 four_styles 的设置项 idle_days（配置项 plugin.four_styles.idle_days）应为整数（如 90），实际为 \"ninety\"。请修改配置。");
    CHECK(refusal({{"idle_days", "0"}}) == "插件 four_styles 的设置项 idle_days（配置项 plugin.four_styles.idle_days）应在 1 到 3650 之间，实际为 0。请修改配置。");
    CHECK(refusal({{"idle_ratio", "1.5"}}) == "插件 four_styles 的设置项 idle_ratio（配置项 plugin.four_styles.idle_ratio）应在 0 到 1 之间，实际为 1.5。请修改配置。");
    CHECK(refusal({{"reception_per_capita", "150.005"}}) ==
          "插件 four_styles 的设置项 reception_per_capita（配置项 plugin.four_styles.reception_per_capita）应为金额（元，最多两位小数，如 150.00），实际为 \"150.005\"。请修改配置。");
    CHECK(refusal({{"night_start", "24:00"}}) ==
          "插件 four_styles 的设置项 night_start（配置项 plugin.four_styles.night_start）应为时间（24 小时制 HH:MM，如 22:00），实际为 \"24:00\"。请修改配置。");
}
