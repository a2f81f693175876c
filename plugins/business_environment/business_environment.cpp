// The business_environment (营商环境) check plugin: approvals, postings, complaints, arrears -> BE-01..BE-04.
#include "../shared/parallel_rules.hpp"
#include "../shared/typed_table.hpp"
#include "rules.hpp"

namespace patrol::plugins::business_environment {

class BusinessEnvironmentPlugin : public sdk::Plugin {
public:
    void run(sdk::Context& context) override {
        const Settings settings = Settings::read(context);
        const int32_t asOf = context.asOf();
        const auto approvals = typedTable<Approvals>(context, "approvals");
        const auto postings = typedTable<Postings>(context, "postings");
        const auto complaints = typedTable<Complaints>(context, "complaints");
        const auto owed = typedTable<Arrears>(context, "arrears");

        // A rule whose file is missing is skipped; the host has already said so. BE-01 asks the
        // host's calendar, so it runs here; the others ask nothing and run on the second thread
        // meanwhile. The findings come in the same order as when all ran here.
        ParallelRules rules;
        if (approvals) rules.here([&](FindingSink& out) { lateApprovals(*approvals, context, out); });
        if (postings) rules.helper([&](FindingSink& out) { rotationDue(*postings, settings, asOf, out); });
        if (complaints) rules.helper([&](FindingSink& out) { complaintHotspots(*complaints, settings, out); });
        if (owed) rules.helper([&](FindingSink& out) { arrears(*owed, settings, asOf, out); });
        FindingSink out(context);
        rules.run(out, context);
    }
};

}  // namespace patrol::plugins::business_environment

PATROL_PLUGIN(patrol::plugins::business_environment::BusinessEnvironmentPlugin, "business_environment")
