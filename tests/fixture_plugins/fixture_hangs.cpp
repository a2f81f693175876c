// Emits one finding, then never returns.
#include <patrol/sdk/plugin.hpp>

#include <unistd.h>

class HangingPlugin : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context& context) override {
        context.emit({"FX-01", "U1", {"X1"}, std::nullopt, "不应被记录", ""});
        for (;;) ::pause();
    }
};

PATROL_PLUGIN(HangingPlugin, "fixture_hangs")
