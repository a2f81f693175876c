// The poverty_alleviation (扶贫) check plugin: households, cadres, projects, payments -> PA-01..PA-06.
#include "../shared/parallel_rules.hpp"
#include "../shared/typed_table.hpp"
#include "rules.hpp"

namespace patrol::plugins::poverty_alleviation {

class PovertyAlleviationPlugin : public sdk::Plugin {
public:
    void run(sdk::Context& context) override {
        const Settings settings = Settings::read(context);
        const int32_t asOf = context.asOf();
        const auto households = typedTable<Households>(context, "households");
        const auto cadres = typedTable<Cadres>(context, "cadres");
        const auto projects = typedTable<Projects>(context, "projects");
        const auto payments = typedTable<Payments>(context, "payments");

        // Each rule runs only when every file it needs is present (the host names the skips).
        // No rule asks the host anything once the settings and as_of are read, so any of them may
        // run on the second thread. PA-02 is the longest by far when many payments repeat, so it
        // starts the helper's list while PA-01 and PA-03 run here: on the findings-heavy profile
        // this thread used to wait 0.1 s for it. The host orders the findings by rule, unit and
        // records, so which thread emits first does not show in the output. PA-04 to PA-06 go to
        // whichever thread is free first: on the usual ledger this one, done with PA-01 and PA-03
        // 15-20 ms before PA-02 ends; on the findings-heavy one the helper, as this thread then
        // still has PA-02's findings to hand over.
        ParallelRules rules;
        if (payments && households) rules.here([&](FindingSink& out) { ineligiblePayees(*payments, *households, out); });
        if (payments && cadres) rules.here([&](FindingSink& out) { cadreHouseholds(*payments, *cadres, out); });
        if (payments) rules.helper([&](FindingSink& out) { duplicatePayments(*payments, out); });
        if (payments && projects) {
            rules.either([&](FindingSink& out) {
                const ProjectSums sums = sumPayments(*projects, *payments, asOf);
                idleFunds(*projects, sums, settings, asOf, out);
                overspends(*projects, sums, out);
            });
        }
        if (projects) rules.either([&](FindingSink& out) { stalledProjects(*projects, asOf, out); });
        FindingSink out(context);
        rules.run(out, context);
    }
};

}  // namespace patrol::plugins::poverty_alleviation

PATROL_PLUGIN(patrol::plugins::poverty_alleviation::PovertyAlleviationPlugin, "poverty_alleviation")
