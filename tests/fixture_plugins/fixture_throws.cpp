// Emits one finding, then throws: the SDK turns the exception into an error code and text.
#include <patrol/sdk/plugin.hpp>

#include <stdexcept>

class ThrowingPlugin : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context& context) override {
        context.emit({"FX-01", "U1", {"X1"}, std::nullopt, "不应被记录", ""});
        throw std::runtime_error("夹具插件故意抛出的异常");
    }
};

PATROL_PLUGIN(ThrowingPlugin, "fixture_throws")
