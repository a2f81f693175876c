// Fuzz entry for plugin metadata: any bytes as the text of a plugin's <id>.json. A
// MetadataError naming the place in the file is a correct answer; any other escape is a finding.
#include "core/plugins/plugin_metadata.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        const auto metadata = patrol::plugins::parseMetadata(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
        // Lookups by the names just read must find them again.
        for (const auto& t : metadata.tables) (void)metadata.table(t.name);
        for (const auto& r : metadata.rules) (void)metadata.rule(r.code);
        for (const auto& s : metadata.settings) (void)metadata.setting(s.key);
    } catch (const patrol::plugins::MetadataError&) {
    }
    return 0;
}
