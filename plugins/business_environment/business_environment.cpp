// The business_environment (营商环境) check plugin: approvals, postings, complaints, arrears -> BE-01..BE-04.
#include "../shared/parallel_rules.hpp"
#include "rules.hpp"

#include <optional>

namespace patrol::plugins::business_environment {

class BusinessEnvironmentPlugin : public sdk::Plugin {
public:
    void run(sdk::Context& context) override {
        const Settings settings = Settings::read(context);
        const int32_t asOf = context.asOf();
        std::optional<Approvals> approvals;
        std::optional<Postings> postings;
        std::optional<Complaints> complaints;
        std::optional<Arrears> owed;
        if (const auto t = context.table("approvals")) approvals.emplace(*t);
        if (const auto t = context.table("postings")) postings.emplace(*t);
        if (const auto t = context.table("complaints")) complaints.emplace(*t);
        if (const auto t = context.table("arrears")) owed.emplace(*t);

        // A rule whose file is missing is skipped; the host has already said so. BE-01 asks the
        // host's calendar, so it runs here; the others ask nothing and run on the second thread
        // meanwhile. The findings come in the same order as when all ran here.
        ParallelRules rules;
        size_t count = 0;
        if (approvals) {
            rules.here([&](FindingSink& out) { lateApprovals(*approvals, context, out); });
            ++count;
        }
        if (postings) {
            rules.helper([&](FindingSink& out) { rotationDue(*postings, settings, asOf, out); });
            ++count;
        }
        if (complaints) {
            rules.helper([&](FindingSink& out) { complaintHotspots(*complaints, settings, out); });
            ++count;
        }
        if (owed) {
            rules.helper([&](FindingSink& out) { arrears(*owed, settings, asOf, out); });
            ++count;
        }
        FindingSink out(context);
        rules.run(out, [&](size_t done) { context.progress(static_cast<double>(done) / static_cast<double>(count)); });
        context.progress(1.0);
    }
};

}  // namespace patrol::plugins::business_environment

PATROL_PLUGIN(patrol::plugins::business_environment::BusinessEnvironmentPlugin, "business_environment")
