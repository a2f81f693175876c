// Emits one finding, then writes through a null pointer.
#include <patrol/sdk/plugin.hpp>

class CrashingPlugin : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context& context) override {
        context.emit({"FX-01", "U1", {"X1"}, std::nullopt, "不应被记录", ""});
        volatile int* nowhere = nullptr;
        *nowhere = 1;
    }
};

PATROL_PLUGIN(CrashingPlugin, "fixture_crashes")
