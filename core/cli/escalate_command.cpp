// `patrol escalate [--as-of D]`: applies 三色预警 to every open task the user oversees and prints
// what rose; running it again for the same date changes nothing.
#include <patrol/sdk/civil.hpp>

#include <ostream>

#include "core/cli/app.hpp"
#include "core/cli/left_to_exit.hpp"
#include "core/cli/progress_line.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/services/escalation_service.hpp"

namespace patrol::cli {
namespace {

// As recipientsCell() shows a stored notice's, from the names the rise already holds: a table of
// 50,000 rises spent 0.1 s reading their JSON back.
Cell risenRecipients(const services::LevelRise& rise, ListingFormat format) {
    if (!showsLabels(format)) return Cell::json(rise.notice.recipients);
    return Cell::of(services::recipientsText(rise.recipients));
}

int runEscalate(Invocation& inv) {
    auto s = openSession(inv);
    const int32_t asOf = dateOption(inv, "as-of");
    ProgressLine progress(inv.err, showsProgress(inv));
    auto rises = services::escalate(s.db, s.actor, asOf, progress.sink());
    progress.clear();
    const ListingFormat format = inv.format();
    Listing listing({{"task_id", "任务"}, {"unit", "单位"}, {"due", "期限"}, {"days_left", "剩余天数"},
                     {"from", "原等级"}, {"to", "新等级"}, {"recipients", "通知对象"}, {"notice_id", "通知"},
                     {"message", "通知内容"}});
    // The messages are moved, not copied, into the listing: 50,000 of them are some 15 MB.
    for (auto& r : rises) {
        listing.add({Cell::number(r.task.id), Cell::of(r.task.unitCode), Cell::of(r.task.dueDate),
                     Cell::number(r.daysLeft), levelCell(r.from, format), levelCell(r.to, format),
                     risenRecipients(r, format), Cell::number(r.notice.id), Cell::of(std::move(r.notice.message))});
    }
    if (format == ListingFormat::Table && rises.empty()) {
        inv.out << "截至 " << civil::formatDate(asOf) << "，没有整改任务需要升级预警。\n";
        return 0;
    }
    listing.print(inv.out, format);
    leaveToExit(std::move(listing));
    leaveToExit(std::move(rises));
    return 0;
}

const Registration escalateRegistration{CommandSpec{
    {"escalate"},
    "三色预警：按截止日期和退回次数升级未销号任务的预警等级，每次升级记审计并生成通知",
    {{"as-of", "YYYY-MM-DD", "按这一天评估（默认今天）"}, formatOption(), quietOption()},
    "", 0, 0,
    "  patrol escalate\n  patrol escalate --as-of 2026-06-30 --format json\n",
    runEscalate}};

}  // namespace
}  // namespace patrol::cli
