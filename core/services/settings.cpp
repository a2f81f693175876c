#include <algorithm>
#include "core/services/settings.hpp"

#include "core/domain/errors.hpp"
#include "core/services/install_paths.hpp"

#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/MapConfiguration.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace patrol::services {

namespace {

// Poco stops expanding ${...} past this many nested references (AbstractConfiguration).
constexpr size_t kMaxReferenceDepth = 10;

// Priorities of the layers: a lower number wins.
constexpr int kCommandLine = 0;
constexpr int kEnvironment = 10;
constexpr int kFile = 20;
constexpr int kDefaults = 30;

std::string homeDataFolder() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/patrol";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/patrol";
    return "./patrol-data";
}

Poco::AutoPtr<Poco::Util::MapConfiguration> builtInDefaults() {
    Poco::AutoPtr<Poco::Util::MapConfiguration> d = new Poco::Util::MapConfiguration;
    d->setString("data.folder", homeDataFolder());
    d->setString("database.path", "${data.folder}/patrol.db");
    d->setString("database.busy_timeout_ms", "5000");
    d->setString("plugins.folders", "");
    d->setString("plugins.isolate", "false");
    d->setString("plugins.timeout_seconds", "60");
    d->setString("data.max_field_bytes", "1048576");
    d->setString("data.max_line_bytes", "4194304");
    d->setString("data.max_listed_rejects", "100");
    d->setString("server.address", "127.0.0.1");
    d->setString("server.port", "8080");
    d->setString("calendar.folder", shippedConfigDir() + "/calendars");
    d->setString("rectification.immediate.days", "30");
    d->setString("rectification.deadline.days", "60");
    d->setString("rectification.long_term.days", "365");
    d->setString("rectification.immediate.count", "natural");
    d->setString("rectification.deadline.count", "natural");
    d->setString("rectification.long_term.count", "natural");
    d->setString("rectification.report_days", "60");
    d->setString("report.templates", shippedConfigDir() + "/reports");  // the work report's prose, editable
    d->setString("evidence.max_bytes", "20971520");
    d->setString("check.zip_max_entries", "100");
    d->setString("check.zip_max_unpacked_bytes", "1073741824");
    d->setString("evidence.folder", "");  // empty: "<database name>.evidence" next to the database
    d->setString("auth.session_idle_minutes", "30");
    d->setString("auth.session_lifetime_hours", "12");
    d->setString("auth.signin_delay_after", "3");
    d->setString("auth.signin_lock_after", "10");
    d->setString("auth.signin_lock_minutes", "15");
    d->setString("auth.password_min_length", "10");
    return d;
}

Poco::AutoPtr<Poco::Util::MapConfiguration> environmentOverrides() {
    Poco::AutoPtr<Poco::Util::MapConfiguration> env = new Poco::Util::MapConfiguration;
    if (const char* v = std::getenv("PATROL_DATA"); v && *v) env->setString("data.folder", v);
    if (const char* v = std::getenv("PATROL_DB"); v && *v) env->setString("database.path", v);
    return env;
}

std::optional<std::string> chooseConfigFile(const SettingsSources& sources) {
    if (sources.configFile) return sources.configFile;
    if (const char* v = std::getenv("PATROL_CONFIG"); v && *v) return std::string(v);
    const std::string shipped = shippedConfigDir() + "/patrol.ini";
    if (std::filesystem::exists(shipped)) return shipped;
    return std::nullopt;
}

}  // namespace

Settings Settings::defaults() {
    Settings s;
    s.config_ = new Poco::Util::LayeredConfiguration;
    s.config_->add(builtInDefaults(), kDefaults);
    return s;
}

Settings Settings::fromIniText(const std::string& ini, const std::string& source) {
    Settings s = defaults();
    std::istringstream in(ini);
    try {
        s.config_->add(new Poco::Util::IniFileConfiguration(in), kFile);
    } catch (const Poco::Exception& e) {
        throw UserError("无法读取配置文件 " + source + ": " + e.displayText() + "。应为 INI 格式（key = value，[section]）。");
    }
    s.configFile_ = source;
    return s;
}

Settings Settings::load(const SettingsSources& sources) {
    Settings s = defaults();
    if (const auto file = chooseConfigFile(sources)) {
        if (!std::filesystem::is_regular_file(*file))
            throw UserError("找不到配置文件 " + *file + "。请检查所指定的配置文件路径。", {"config.file", ""});
        try {
            s.config_->add(new Poco::Util::IniFileConfiguration(*file), kFile);
        } catch (const Poco::Exception& e) {
            throw UserError("无法读取配置文件 " + *file + ": " + e.displayText() + "。应为 INI 格式（key = value，[section]）。");
        }
        s.configFile_ = *file;
    }
    s.config_->add(environmentOverrides(), kEnvironment);
    Poco::AutoPtr<Poco::Util::MapConfiguration> cli = new Poco::Util::MapConfiguration;
    for (const auto& [key, value] : sources.commandLine) cli->setString(key, value);
    s.config_->add(cli, kCommandLine);
    return s;
}

// Follows the ${...} references written in `key`'s value the way Poco expands them (a `${`
// without its `}` takes the rest of the value as the name; more than kMaxReferenceDepth nested
// references are refused): one that names no setting, a chain that leads back to where it
// started, or one nested too deep is the configuration's mistake and is said as such, naming the
// key where it is written (Poco would leave the first in place, silently, and report the others
// as an internal error).
void Settings::checkReferences(const std::string& key, std::vector<std::string>& chain) const {
    if (std::find(chain.begin(), chain.end(), key) != chain.end()) {
        std::string path;
        for (auto it = std::find(chain.begin(), chain.end(), key); it != chain.end(); ++it) path += *it + " → ";
        throw UserError("配置项 " + key + " 的值经 ${...} 引用又回到了它自己（" + path + key + "）。请修改配置文件中的这一项。");
    }
    if (chain.size() >= kMaxReferenceDepth)
        throw UserError("配置项 " + chain.front() + " 的值经 ${...} 引用超过 " + std::to_string(kMaxReferenceDepth) +
                        " 层（" + chain.front() + " → … → " + key + "）。请减少配置文件中引用的层数。");
    chain.push_back(key);
    const std::string raw = config_->getRawString(key);
    for (size_t start = raw.find("${"); start != std::string::npos;) {
        const size_t nameStart = start + 2;
        const size_t end = std::min(raw.find('}', nameStart), raw.size());
        const std::string name = raw.substr(nameStart, end - nameStart);
        if (!config_->has(name))
            throw UserError("配置项 " + key + " 引用了不存在的配置项 ${" + name + "}。请修改配置文件中的这一项。");
        checkReferences(name, chain);
        start = raw.find("${", end);
    }
    chain.pop_back();
}

std::string Settings::resolved(const std::string& key) const {
    std::vector<std::string> chain;
    if (config_->has(key)) checkReferences(key, chain);
    try {
        return config_->getString(key);
    } catch (const Poco::CircularReferenceException&) {
        // checkReferences follows Poco's rules, so this is not expected; should they ever part,
        // the user still hears which key to fix rather than "内部错误".
        throw UserError("配置项 " + key + " 的值经 ${...} 引用无法展开。请修改配置文件中的这一项。");
    }
}

std::string Settings::text(const std::string& key) const {
    try {
        std::string value = resolved(key);
        if (value.rfind("~/", 0) == 0)
            if (const char* home = std::getenv("HOME")) value = std::string(home) + value.substr(1);
        return value;
    } catch (const Poco::NotFoundException&) {
        throw InternalError("配置项 " + key + " 没有默认值");
    }
}

int64_t Settings::integer(const std::string& key) const {
    const std::string value = text(key);
    try {
        size_t used = 0;
        const long long n = std::stoll(value, &used);
        if (used == value.size()) return n;
    } catch (const std::exception&) {
    }
    throw UserError("配置项 " + key + " 应为整数，实际为 \"" + value + "\"。请修改配置文件或命令行。");
}

bool Settings::flag(const std::string& key) const {
    const std::string value = text(key);
    if (value == "true" || value == "yes" || value == "1" || value == "on") return true;
    if (value == "false" || value == "no" || value == "0" || value == "off") return false;
    throw UserError("配置项 " + key + " 应为 true 或 false，实际为 \"" + value + "\"。");
}

std::map<std::string, std::string> Settings::section(const std::string& prefix) const {
    std::map<std::string, std::string> out;
    Poco::Util::AbstractConfiguration::Keys keys;
    config_->keys(prefix, keys);
    for (const auto& k : keys) {
        const std::string full = prefix + "." + k;
        Poco::Util::AbstractConfiguration::Keys sub;
        config_->keys(full, sub);
        if (sub.empty()) out[k] = resolved(full);
    }
    return out;
}

}  // namespace patrol::services
