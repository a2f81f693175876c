// The layered configuration: built-in defaults < config file < environment < command line.
// Every key is documented in README.md ("配置项 / Configuration keys").
#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Util/LayeredConfiguration.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace patrol::services {

struct SettingsSources {
    std::optional<std::string> configFile;            // --config, else PATROL_CONFIG, else the shipped file
    std::map<std::string, std::string> commandLine;   // e.g. {"database.path", "/tmp/x.db"}
};

class Settings {
public:
    // Loads every layer; UserError when a named config file is missing or unreadable.
    static Settings load(const SettingsSources& sources);
    // Defaults only (tests and tools that need no file).
    static Settings defaults();
    // Defaults under the INI text `ini` as the config file layer, named `source` in messages:
    // the same parsing as a file, for tests and the fuzz target.
    static Settings fromIniText(const std::string& ini, const std::string& source);

    std::string text(const std::string& key) const;
    int64_t integer(const std::string& key) const;  // UserError naming key and value when not an integer
    bool flag(const std::string& key) const;        // true/false, yes/no, 1/0
    bool has(const std::string& key) const { return config_->has(key); }
    // Every key under `prefix` (e.g. "plugin.four_styles") with the prefix removed.
    std::map<std::string, std::string> section(const std::string& prefix) const;

    std::string configFile() const { return configFile_; }  // empty when none was read
    std::string dataFolder() const { return text("data.folder"); }
    std::string databasePath() const { return text("database.path"); }

private:
    std::string resolved(const std::string& key) const;
    void checkReferences(const std::string& key, std::vector<std::string>& chain) const;

    Poco::AutoPtr<Poco::Util::LayeredConfiguration> config_;
    std::string configFile_;
};

}  // namespace patrol::services
