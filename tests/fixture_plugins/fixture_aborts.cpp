// Emits one finding, then aborts.
#include <patrol/sdk/plugin.hpp>

#include <cstdlib>

class AbortingPlugin : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context& context) override {
        context.emit({"FX-01", "U1", {"X1"}, std::nullopt, "不应被记录", ""});
        std::abort();
    }
};

PATROL_PLUGIN(AbortingPlugin, "fixture_aborts")
