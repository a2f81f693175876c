// A plugin's metadata (<id>.json next to <id>.so), read without running plugin code: what it
// is, the ABI it needs, the tables and columns it reads, its rules, settings, checklist and
// finding categories. The schema is documented in sdk/README.md.
#pragma once

#include "core/data/table_schema.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace patrol::plugins {

struct AbiVersion {
    int major = 0;
    int minor = 0;
    std::string text() const { return std::to_string(major) + "." + std::to_string(minor); }
};

struct RectificationDefault {
    std::string kind;  // immediate | deadline | long_term
    int days = 0;
};

struct RuleInfo {
    std::string code;        // e.g. "FS-03"
    std::string name;        // Chinese
    std::string severity;    // low | medium | high
    std::string category;    // code of one of the plugin's categories (or free text when it declares none)
    std::vector<std::string> tables;  // tables the rule needs; missing file -> rule skipped
    RectificationDefault rectification;
    std::string refs;        // what the refs of a finding are
    std::string amount;      // what the amount is; empty when the rule names none
};

enum class SettingType { Integer, Money, Ratio, Time, Text, List };

struct SettingInfo {
    std::string key;
    std::string name;         // Chinese label
    SettingType type = SettingType::Text;
    std::string defaultValue; // canonical text as passed to the plugin (lists joined by '|')
    std::optional<std::string> min, max;  // canonical text, for integer, money, ratio and time
    std::string description;
};

struct CategoryInfo {
    std::string code;
    std::string name;
    std::string group;   // e.g. 享乐主义、奢靡之风
    std::string bucket;  // the statistics bucket the category counts under (four_styles: CCDI 2020)
    std::optional<RectificationDefault> rectification;
};

struct PluginMetadata {
    std::string id;
    std::string name;
    std::string version;
    AbiVersion abi;
    std::string description;
    std::vector<data::TableSchema> tables;
    std::vector<RuleInfo> rules;
    std::vector<SettingInfo> settings;
    std::vector<std::string> checklist;
    std::vector<CategoryInfo> categories;

    const data::TableSchema* table(const std::string& name) const;
    const RuleInfo* rule(const std::string& code) const;
    const SettingInfo* setting(const std::string& key) const;
};

// Invalid metadata. The message names the place in the file (e.g. tables[0].columns[2].type),
// what was expected and what was found.
class MetadataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses and validates metadata text; `source` names the file in messages.
PluginMetadata parseMetadata(const std::string& jsonText, const std::string& source);
PluginMetadata readMetadataFile(const std::filesystem::path& file);

const char* settingTypeName(SettingType type);
// "1.0" -> {1, 0}; nullopt unless exactly two non-negative integers joined by a dot.
std::optional<AbiVersion> parseAbiVersion(const std::string& text);

}  // namespace patrol::plugins
