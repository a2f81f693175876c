#include "core/plugins/plugin_settings.hpp"

#include "core/domain/integer_text.hpp"
#include "core/domain/errors.hpp"

#include <patrol/sdk/civil.hpp>
#include <patrol/sdk/money.hpp>

namespace patrol::plugins {

namespace {

// A non-negative decimal with at most 9 digits before and 9 after the point, scaled by 10^9.
std::optional<int64_t> parseRatio(const std::string& s) {
    int64_t whole = 0, fraction = 0;
    size_t i = 0, decimals = 0;
    for (; i < s.size() && s[i] != '.'; ++i) {
        if (s[i] < '0' || s[i] > '9' || i >= 9) return std::nullopt;
        whole = whole * 10 + (s[i] - '0');
    }
    if (i == 0) return std::nullopt;
    if (i < s.size()) {
        if (i + 1 == s.size()) return std::nullopt;
        for (size_t k = i + 1; k < s.size(); ++k, ++decimals) {
            if (s[k] < '0' || s[k] > '9' || decimals >= 9) return std::nullopt;
            fraction = fraction * 10 + (s[k] - '0');
        }
    }
    for (; decimals < 9; ++decimals) fraction *= 10;
    return whole * 1000000000 + fraction;
}

template <class T>
int compare(T a, T b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

}  // namespace

std::optional<std::string> canonicalSettingValue(SettingType type, const std::string& value) {
    switch (type) {
    case SettingType::Integer: {
        const auto v = domain::parseInteger(value);
        if (!v) return std::nullopt;
        return std::to_string(*v);
    }
    case SettingType::Money: {
        const auto fen = money::parseFen(value);
        if (!fen) return std::nullopt;
        return money::formatYuan(*fen);
    }
    case SettingType::Ratio:
        if (!parseRatio(value)) return std::nullopt;
        return value;
    case SettingType::Time: {
        const auto t = civil::parseTime(value);
        if (!t) return std::nullopt;
        return civil::formatTime(*t);
    }
    case SettingType::Text: return value;
    case SettingType::List: {
        // Items separated by '|'; empty items (doubled or trailing separators) are dropped.
        std::string out;
        size_t start = 0;
        while (start <= value.size()) {
            size_t end = value.find('|', start);
            if (end == std::string::npos) end = value.size();
            if (end > start) {
                if (!out.empty()) out += '|';
                out.append(value, start, end - start);
            }
            start = end + 1;
        }
        return out;
    }
    }
    return std::nullopt;
}

int compareSettingValues(SettingType type, const std::string& a, const std::string& b) {
    switch (type) {
    case SettingType::Integer: return compare(*domain::parseInteger(a), *domain::parseInteger(b));
    case SettingType::Money: return compare(*money::parseFen(a), *money::parseFen(b));
    case SettingType::Ratio: return compare(*parseRatio(a), *parseRatio(b));
    case SettingType::Time: return compare(*civil::parseTime(a), *civil::parseTime(b));
    default: return a.compare(b);
    }
}

std::string settingTypeDescription(SettingType type) {
    switch (type) {
    case SettingType::Integer: return "整数（如 90）";
    case SettingType::Money: return "金额（元，最多两位小数，如 150.00）";
    case SettingType::Ratio: return "非负小数（如 0.5）";
    case SettingType::Time: return "时间（24 小时制 HH:MM，如 22:00）";
    case SettingType::Text: return "文本";
    case SettingType::List: return "以 | 分隔的列表（如 茅台|五粮液）";
    }
    return "";
}

std::map<std::string, std::string> resolveSettings(const PluginMetadata& metadata, const std::map<std::string, std::string>& overrides) {
    for (const auto& [key, value] : overrides) {
        if (metadata.setting(key)) continue;
        std::string known;
        for (const auto& s : metadata.settings) known += (known.empty() ? "" : "、") + s.key;
        throw UserError("插件 " + metadata.id + " 没有设置项 " + key + "（配置项 plugin." + metadata.id + "." + key + "）。可用的设置项：" +
                        (known.empty() ? "无" : known) + "。请修改配置文件中的键名。");
    }
    std::map<std::string, std::string> values;
    for (const SettingInfo& s : metadata.settings) {
        const auto it = overrides.find(s.key);
        if (it == overrides.end()) {
            values[s.key] = s.defaultValue;
            continue;
        }
        const std::string where = "插件 " + metadata.id + " 的设置项 " + s.key + "（配置项 plugin." + metadata.id + "." + s.key + "）";
        const auto canonical = canonicalSettingValue(s.type, it->second);
        if (!canonical)
            throw UserError(where + "应为" + settingTypeDescription(s.type) + "，实际为 \"" + it->second + "\"。请修改配置。");
        if ((s.min && compareSettingValues(s.type, *canonical, *s.min) < 0) || (s.max && compareSettingValues(s.type, *canonical, *s.max) > 0))
            throw UserError(where + "应在 " + (s.min ? *s.min : "-∞") + " 到 " + (s.max ? *s.max : "+∞") + " 之间，实际为 " + *canonical +
                            "。请修改配置。");
        values[s.key] = *canonical;
    }
    return values;
}

}  // namespace patrol::plugins
