// The poverty_alleviation (扶贫) check plugin: households, cadres, projects, payments -> PA-01..PA-06.
#include "rules.hpp"

namespace patrol::plugins::poverty_alleviation {

class PovertyAlleviationPlugin : public sdk::Plugin {
public:
    void run(sdk::Context& context) override {
        const Settings settings = Settings::read(context);
        const auto householdTable = context.table("households");
        const auto cadreTable = context.table("cadres");
        const auto projectTable = context.table("projects");
        const auto paymentTable = context.table("payments");
        FindingSink out(context);
        // Each rule runs only when every file it needs is present (the host names the skips).
        if (paymentTable) {
            const Payments payments(*paymentTable);
            if (householdTable) ineligiblePayees(payments, Households(*householdTable), out);
            duplicatePayments(payments, out);
            if (cadreTable) cadreHouseholds(payments, Cadres(*cadreTable), out);
            context.progress(0.5);
            if (projectTable) {
                const Projects projects(*projectTable);
                const ProjectSums sums = sumPayments(projects, payments, context.asOf());
                idleFunds(projects, sums, settings, context.asOf(), out);
                overspends(projects, sums, out);
            }
        }
        if (projectTable) stalledProjects(Projects(*projectTable), context.asOf(), out);
        context.progress(1.0);
    }
};

}  // namespace patrol::plugins::poverty_alleviation

PATROL_PLUGIN(patrol::plugins::poverty_alleviation::PovertyAlleviationPlugin, "poverty_alleviation")
