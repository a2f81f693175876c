#include "core/services/category_names.hpp"

#include "core/plugins/plugin_catalog.hpp"
#include "core/services/check_service.hpp"

namespace patrol::services {
namespace {

const std::string kCheckPrefix = "check:";

// "check:four_styles/FS-01" -> "four_styles"; empty for anything else.
std::string pluginOf(const std::string& source) {
    if (source.rfind(kCheckPrefix, 0) != 0) return "";
    const auto slash = source.find('/', kCheckPrefix.size());
    return source.substr(kCheckPrefix.size(), slash == std::string::npos ? std::string::npos : slash - kCheckPrefix.size());
}

}  // namespace

CategoryNames CategoryNames::installed(const Settings& settings) {
    CategoryNames names;
    const auto catalog = plugins::PluginCatalog::discover(pluginFolders(settings));
    for (const auto& p : catalog.plugins()) {
        if (!p.metadata || names.plugins_.count(p.id)) continue;  // the first of two same-named plugins wins
        names.plugins_[p.id] = p.metadata->name;
        for (const auto& c : p.metadata->categories) {
            names.categories_[p.id + "/" + c.code] = c.name;
            names.groups_[p.id + "/" + c.code] = c.group;
            names.buckets_[p.id + "/" + c.code] = c.bucket;
        }
    }
    return names;
}

std::string CategoryNames::lookUp(const Table& table, const std::string& category, const std::string& source,
                                  const std::string& otherwise) {
    if (const std::string plugin = pluginOf(source); !plugin.empty()) {
        const auto it = table.find(plugin + "/" + category);
        return it == table.end() ? otherwise : it->second;
    }
    for (const auto& [key, word] : table)
        if (key.size() > category.size() && key.compare(key.size() - category.size() - 1, std::string::npos, "/" + category) == 0)
            return word;
    return otherwise;
}

std::string CategoryNames::categoryName(const std::string& category, const std::string& source) const {
    return lookUp(categories_, category, source, category);
}

std::string CategoryNames::categoryGroup(const std::string& category, const std::string& source) const {
    return lookUp(groups_, category, source, "");
}

std::string CategoryNames::categoryBucket(const std::string& category, const std::string& source) const {
    return lookUp(buckets_, category, source, "");
}

std::string CategoryNames::sourceName(const std::string& source) const {
    if (source == "manual") return "人工录入";
    const std::string plugin = pluginOf(source);
    if (plugin.empty()) return source;
    const auto it = plugins_.find(plugin);
    const std::string rule = source.size() > kCheckPrefix.size() + plugin.size() + 1 ? source.substr(kCheckPrefix.size() + plugin.size() + 1) : "";
    return (it == plugins_.end() ? plugin : it->second) + (rule.empty() ? "" : " " + rule);
}

}  // namespace patrol::services
