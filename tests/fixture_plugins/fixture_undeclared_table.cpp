// Asks for "itemz" where its metadata declares "items": a typo in a table name.
#include <patrol/sdk/plugin.hpp>

class UndeclaredTablePlugin : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context& context) override {
        const auto items = context.table("itemz");
        if (!items) return;  // without the SDK's check this would read as "file missing"
        context.emit({"FX-01", "U1", {"X1"}, std::nullopt, "不应被记录", ""});
    }
};

PATROL_PLUGIN(UndeclaredTablePlugin, "fixture_undeclared_table")
