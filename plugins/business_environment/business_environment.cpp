// The business_environment (营商环境) check plugin: approvals, postings, complaints, arrears -> BE-01..BE-04.
#include "rules.hpp"

namespace patrol::plugins::business_environment {

class BusinessEnvironmentPlugin : public sdk::Plugin {
public:
    void run(sdk::Context& context) override {
        const Settings settings = Settings::read(context);
        FindingSink out(context);
        // A rule whose file is missing is skipped; the host has already said so.
        if (const auto t = context.table("approvals")) lateApprovals(Approvals(*t), context, out);
        context.progress(0.25);
        if (const auto t = context.table("postings")) rotationDue(Postings(*t), settings, context.asOf(), out);
        context.progress(0.5);
        if (const auto t = context.table("complaints")) complaintHotspots(Complaints(*t), settings, out);
        context.progress(0.75);
        if (const auto t = context.table("arrears")) arrears(Arrears(*t), settings, context.asOf(), out);
        context.progress(1.0);
    }
};

}  // namespace patrol::plugins::business_environment

PATROL_PLUGIN(patrol::plugins::business_environment::BusinessEnvironmentPlugin, "business_environment")
