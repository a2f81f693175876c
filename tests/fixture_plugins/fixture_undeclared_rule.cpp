// Reports a rule its metadata does not declare.
#include <patrol/sdk/plugin.hpp>

class UndeclaredRulePlugin : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context& context) override { context.emit({"FX-99", "U1", {"X1"}, std::nullopt, "未声明的规则", ""}); }
};

PATROL_PLUGIN(UndeclaredRulePlugin, "fixture_undeclared_rule")
