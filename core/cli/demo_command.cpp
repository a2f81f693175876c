// `patrol demo`: seeds the demo county on first start, then shows its rounds and findings as the
// acting user (--user) may see them.
#include <ostream>

#include "core/cli/record_listings.hpp"
#include "core/cli/session.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/domain/role.hpp"
#include "core/services/calendar_loader.hpp"
#include "core/services/demo_seed.hpp"
#include "core/services/feedback.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/round_service.hpp"
#include "core/services/workflow_settings.hpp"

namespace patrol::cli {
namespace {

int runDemo(Invocation& inv) {
    const ListingFormat format = inv.format();
    // The demo makes its database on first run, as `init` does.
    auto db = services::openDatabase(inv.app.settings(), services::IfMissing::Create);
    const auto workflow = services::readWorkflowSettings(inv.app.settings());
    const auto calendar = services::loadCalendar(inv.app.settings(), inv.app.calendarOverride());
    const auto seeding = services::seedDemo(db, services::rectificationOnFeedback(workflow, calendar.calendar));
    // Seeded first, so the demo's own users can be named; each sees only what that user may see.
    const auto actor = services::actorByName(db, inv.app.actorName());
    if (format == ListingFormat::Table) {
        inv.out << (seeding == services::DemoSeeding::Seeded ? "已写入演示数据（清溪县）：" : "演示数据（清溪县）已在数据库中：")
                << db.path() << "\n\n巡察轮次\n";
    }
    // JSON: one object holding both arrays, so the output stays one JSON document.
    if (format == ListingFormat::Json) inv.out << "{\"rounds\":";
    printRounds(inv.out, services::listRounds(db, actor), format);
    if (format == ListingFormat::Json) inv.out << ",\"findings\":";
    if (format == ListingFormat::Table) inv.out << "\n问题\n";
    printFindings(inv.out, services::listFindings(db, actor, {}), PluginNames::installed(inv.app.settings()),
                  actor.role != domain::Role::Unit, format);
    if (format == ListingFormat::Json) inv.out << "}\n";
    printCalendarWarnings(calendar.calendar, inv.err);
    return 0;
}

const Registration demoRegistration{CommandSpec{
    {"demo"}, "写入演示县的数据（首次运行时），并显示其巡察轮次和问题", {formatOption()}, "", 0, 0,
    "  patrol demo\n  patrol --db /tmp/demo.db demo\n", runDemo}};

}  // namespace
}  // namespace patrol::cli
