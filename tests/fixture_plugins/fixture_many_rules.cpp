// Reports a finding under a new rule code each time, 70,000 of them, until the host asks it to
// stop: more plugin and rule names than the host keeps (65,535).
#include <patrol/sdk/plugin.hpp>

#include <string>

class ManyRulesPlugin : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context& context) override {
        for (int i = 0; i < 70000; ++i) {
            // Appended, not "R" + ...: GCC 12 warns of an overlap inside operator+ (-Wrestrict).
            std::string rule = "R";
            rule += std::to_string(i);
            if (!context.emit({rule, "U1", {"X1"}, std::nullopt, "每次一个新的规则代码", ""})) return;
        }
    }
};

PATROL_PLUGIN(ManyRulesPlugin, "fixture_many_rules")
