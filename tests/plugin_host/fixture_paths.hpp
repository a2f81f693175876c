// Where the test suite builds its fixture plugins.
#pragma once

#include <string>

namespace patrol::testing {

inline std::string fixtureFolder() { return PATROL_FIXTURE_PLUGIN_DIR; }
inline std::string fixtureLibrary(const std::string& id) { return fixtureFolder() + "/" + id + ".so"; }
// "插件 <id>（<folder>/<id>.so）"
inline std::string fixtureLabel(const std::string& id) { return "插件 " + id + "（" + fixtureLibrary(id) + "）"; }

}  // namespace patrol::testing
