// The poverty_alleviation (扶贫) check plugin: households, cadres, projects, payments -> PA-01..PA-06.
#include "../shared/parallel_rules.hpp"
#include "rules.hpp"

#include <optional>

namespace patrol::plugins::poverty_alleviation {

class PovertyAlleviationPlugin : public sdk::Plugin {
public:
    void run(sdk::Context& context) override {
        const Settings settings = Settings::read(context);
        const int32_t asOf = context.asOf();
        std::optional<Households> households;
        std::optional<Cadres> cadres;
        std::optional<Projects> projects;
        std::optional<Payments> payments;
        if (const auto t = context.table("households")) households.emplace(*t);
        if (const auto t = context.table("cadres")) cadres.emplace(*t);
        if (const auto t = context.table("projects")) projects.emplace(*t);
        if (const auto t = context.table("payments")) payments.emplace(*t);

        // Each rule runs only when every file it needs is present (the host names the skips).
        // No rule asks the host anything once the settings and as_of are read, so any of them may
        // run on the second thread: PA-01, the longest, runs here, the others there, and their
        // findings come in the same order as when all ran here one after another.
        ParallelRules rules;
        size_t count = 0;
        if (payments && households) {
            rules.here([&](FindingSink& out) { ineligiblePayees(*payments, *households, out); });
            ++count;
        }
        if (payments) {
            rules.helper([&](FindingSink& out) { duplicatePayments(*payments, out); });
            ++count;
        }
        if (payments && cadres) {
            rules.helper([&](FindingSink& out) { cadreHouseholds(*payments, *cadres, out); });
            ++count;
        }
        if (payments && projects) {
            rules.helper([&](FindingSink& out) {
                const ProjectSums sums = sumPayments(*projects, *payments, asOf);
                idleFunds(*projects, sums, settings, asOf, out);
                overspends(*projects, sums, out);
            });
            ++count;
        }
        if (projects) {
            rules.helper([&](FindingSink& out) { stalledProjects(*projects, asOf, out); });
            ++count;
        }
        FindingSink out(context);
        rules.run(out, [&](size_t done) { context.progress(static_cast<double>(done) / static_cast<double>(count)); });
        context.progress(1.0);
    }
};

}  // namespace patrol::plugins::poverty_alleviation

PATROL_PLUGIN(patrol::plugins::poverty_alleviation::PovertyAlleviationPlugin, "poverty_alleviation")
