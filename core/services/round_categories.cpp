#include "core/services/round_categories.hpp"

#include <set>

#include "core/plugins/plugin_catalog.hpp"
#include "core/services/check_service.hpp"

namespace patrol::services {

std::vector<CategoryChoice> roundCategories(const Settings& settings, const store::RoundRecord& round) {
    std::vector<CategoryChoice> choices;
    if (round.plugins.empty()) return choices;
    auto catalog = plugins::PluginCatalog::discover(pluginFolders(settings));
    std::set<std::string> seen;
    for (const auto& id : round.plugins) {
        const plugins::PluginEntry* plugin = catalog.find(id);
        if (!plugin || !plugin->metadata) continue;
        for (const auto& c : plugin->metadata->categories)
            if (seen.insert(c.code).second) choices.push_back({c.code, c.name});
    }
    return choices;
}

}  // namespace patrol::services
