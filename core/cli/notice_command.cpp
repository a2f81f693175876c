// `patrol notice list`: the stored notices of escalation (预警通知), filtered and exported as a
// table, JSON or CSV; each user sees the notices of the tasks they may see.
#include <ostream>

#include "core/cli/app.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/services/notice_service.hpp"
#include "core/services/record_views.hpp"

namespace patrol::cli {
namespace {

int runNoticeList(Invocation& inv) {
    const ListingFormat format = inv.format();
    auto s = openSession(inv);
    services::NoticeFilter filter;
    filter.roundCode = inv.args.value("round");
    filter.unitCode = inv.args.value("unit");
    filter.level = inv.args.value("level");
    if (const auto since = inv.args.value("since")) filter.since = services::requireDate(*since, "--since");
    const auto notices = services::listNotices(s.db, s.actor, filter);
    if (format == ListingFormat::Json) {
        std::vector<Poco::JSON::Object::Ptr> views;
        for (const auto& n : notices) views.push_back(services::noticeView(n));
        inv.out << services::viewListText(views);
        return 0;
    }
    Listing listing({{"id", "编号"}, {"task_id", "任务"}, {"finding_id", "问题"}, {"round", "轮次"}, {"unit", "单位"},
                     {"unit_name", "单位名称"}, {"level", "等级"}, {"created", "日期"}, {"recipients", "通知对象"},
                     {"text", "通知内容"}});
    for (const auto& n : notices)
        listing.add({Cell::number(n.id), n.taskId ? Cell::number(*n.taskId) : Cell{},
                     n.findingId ? Cell::number(*n.findingId) : Cell{}, Cell::optionalText(n.roundCode),
                     Cell::optionalText(n.unitCode), Cell::optionalText(n.unitName),
                     levelCell(domain::escalationLevels.parse(n.level), format), Cell::of(n.asOf),
                     recipientsCell(n.recipients, format), Cell::of(n.message)});
    listing.print(inv.out, format);
    return 0;
}

const Registration noticeListRegistration{CommandSpec{
    {"notice", "list"},
    "列出可见的预警通知（每次预警升级生成一条）；--format csv 可导出",
    {roundFilterOption(),
     unitFilterOption(),
     {"level", "LEVEL", "green|yellow|red|accountability"},
     {"since", "YYYY-MM-DD", "只列这一天及以后的通知"},
     formatOption()},
    "", 0, 0,
    "  patrol notice list --round 2026-R1 --level red\n  patrol notice list --since 2026-06-01 --format csv > 预警通知.csv\n",
    runNoticeList}};

}  // namespace
}  // namespace patrol::cli
