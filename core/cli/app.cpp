#include "core/cli/app.hpp"

#include <cstdlib>

namespace patrol::cli {

static services::SettingsSources sourcesFrom(const ParsedArgs& args) {
    services::SettingsSources sources;
    sources.configFile = args.value("config");
    if (const auto db = args.value("db")) sources.commandLine["database.path"] = *db;
    return sources;
}

static std::string chooseActor(const ParsedArgs& args) {
    if (const auto user = args.value("user")) return *user;
    if (const char* env = std::getenv("PATROL_USER"); env && *env) return env;
    return "admin";
}

AppContext::AppContext(const ParsedArgs& args)
    : settings_(services::Settings::load(sourcesFrom(args))), actorName_(chooseActor(args)), calendarOverride_(args.value("calendar")) {}

}  // namespace patrol::cli
