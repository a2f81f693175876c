// The names of plugin categories and sources (services/category_names) as table cells: the
// Chinese name in a table, the stored code in JSON and CSV.
#pragma once

#include <string>

#include "core/cli/listing.hpp"
#include "core/services/category_names.hpp"
#include "core/services/settings.hpp"

namespace patrol::cli {

class PluginNames {
public:
    static PluginNames installed(const services::Settings& settings) {
        return PluginNames(services::CategoryNames::installed(settings));
    }
    explicit PluginNames(services::CategoryNames names) : names_(std::move(names)) {}

    std::string categoryName(const std::string& category, const std::string& source = "") const {
        return names_.categoryName(category, source);
    }
    std::string sourceName(const std::string& source) const { return names_.sourceName(source); }
    const services::CategoryNames& names() const { return names_; }

    Cell categoryCell(const std::string& category, const std::string& source = "") const {
        return Cell::term(category, categoryName(category, source));
    }
    Cell sourceCell(const std::string& source) const { return Cell::term(source, sourceName(source)); }

private:
    services::CategoryNames names_;
};

}  // namespace patrol::cli
