// The Chinese names the installed plugins give their finding categories and themselves, so every
// output (tables, statistics, spreadsheets, the web pages) shows 违规公款吃喝 where a check
// recorded public_funds_dining. Read from the metadata files only: no plugin code runs.
#pragma once

#include <map>
#include <string>

#include "core/services/settings.hpp"

namespace patrol::services {

class CategoryNames {
public:
    static CategoryNames installed(const Settings& settings);

    // The category's name in the plugin that recorded the finding (source "check:<plugin>/<rule>"),
    // or in any plugin when the source names none; the category itself when no plugin names it.
    std::string categoryName(const std::string& category, const std::string& source = "") const;
    // The category's group and statistics bucket in the plugin that names it (four_styles: the
    // CCDI 四风 groups and items); empty when no plugin gives one.
    std::string categoryGroup(const std::string& category, const std::string& source = "") const;
    std::string categoryBucket(const std::string& category, const std::string& source = "") const;
    // "人工录入" for a finding entered by hand, "<plugin name> <rule>" for one a check recorded.
    std::string sourceName(const std::string& source) const;

private:
    using Table = std::map<std::string, std::string>;  // "<plugin>/<code>" -> word
    static std::string lookUp(const Table& table, const std::string& category, const std::string& source,
                              const std::string& otherwise);

    Table categories_;  // names
    Table groups_;
    Table buckets_;
    std::map<std::string, std::string> plugins_;     // id -> name
};

}  // namespace patrol::services
