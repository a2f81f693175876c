// A sound library whose metadata declares a column type that does not exist.
#include <patrol/sdk/plugin.hpp>

class BadMetadataPlugin : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context&) override {}
};

PATROL_PLUGIN(BadMetadataPlugin, "fixture_bad_metadata")
