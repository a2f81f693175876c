// `patrol report stats`: the figures of docs/statistics.md as the acting user may see them,
// as tables for people or one JSON document for programs (services/statistics).
#include <patrol/sdk/civil.hpp>

#include <ostream>

#include "core/cli/app.hpp"
#include "core/cli/progress_line.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/domain/escalation.hpp"
#include "core/domain/clue.hpp"
#include "core/services/record_json.hpp"
#include "core/services/statistics.hpp"

namespace patrol::cli {
namespace {

using domain::EscalationLevel;

Cell rateCell(std::optional<int64_t> permille) {
    return permille ? Cell{Cell::Kind::Number, services::permilleText(*permille)} : Cell{};
}

void printColours(std::ostream& out, const services::Statistics& s) {
    std::vector<Field> fields{{"unit", "单位"}, {"unit_name", "单位名称"}};
    for (const auto& term : domain::escalationLevels.terms()) fields.push_back({std::string(term.code), std::string(term.label)});
    fields.push_back({"open", "合计"});
    Listing listing(fields);
    auto row = [](Cell unit, Cell name, const services::ColourCounts& c) {
        std::vector<Cell> cells{std::move(unit), std::move(name)};
        for (int64_t n : c.byLevel) cells.push_back(Cell::number(n));
        cells.push_back(Cell::number(c.open()));
        return cells;
    };
    for (const auto& c : s.colours) listing.add(row(Cell::of(c.unitCode), Cell::of(c.unitName), c));
    listing.add(row(Cell::of("合计"), Cell::of(""), s.colourTotal));
    listing.withoutCount();
    out << "一、未销号整改任务（按截至日应有的预警等级）\n";
    listing.print(out, ListingFormat::Table);
}

void printOverdue(std::ostream& out, const services::Statistics& s) {
    Listing listing({{"task_id", "任务"}, {"finding_id", "问题"}, {"round", "轮次"}, {"unit", "单位"},
                     {"unit_name", "单位名称"}, {"title", "问题标题"}, {"due", "期限"}, {"days_overdue", "逾期天数"},
                     {"level", "预警"}, {"handler", "责任人"}});
    for (const auto& d : s.overdue)
        listing.add({Cell::number(d.task.id), Cell::number(d.task.findingId), Cell::of(d.task.roundCode),
                     Cell::of(d.task.unitCode), Cell::of(d.task.unitName), Cell::of(d.task.findingTitle),
                     Cell::of(d.task.dueDate), Cell::number(d.daysOverdue),
                     Cell::of(std::string(domain::escalationLevels.label(d.level))), Cell::optionalText(d.task.handler)});
    out << "\n二、逾期整改任务\n";
    listing.print(out, ListingFormat::Table);
}

void printRectification(std::ostream& out, const services::Statistics& s) {
    Listing listing({{"round", "轮次"}, {"title", "名称"}, {"fed_back", "已反馈问题"}, {"rectified", "已整改"},
                     {"rate", "整改完成率%"}});
    auto row = [](Cell code, Cell title, const services::RectificationFigures& f) {
        return std::vector<Cell>{std::move(code), std::move(title), Cell::number(f.fedBack), Cell::number(f.rectified),
                                 rateCell(f.ratePermille())};
    };
    for (const auto& f : s.rectification) listing.add(row(Cell::of(f.roundCode), Cell::of(f.roundTitle), f));
    listing.add(row(Cell::of("合计"), Cell::of(""), s.rectificationTotal));
    listing.withoutCount();
    out << "\n三、整改完成率\n";
    listing.print(out, ListingFormat::Table);
}

void printCategories(std::ostream& out, const services::Statistics& s) {
    Listing listing({{"name", "问题类别"}, {"findings", "问题数"}, {"amount", "涉及金额（元）"}});
    int64_t findings = 0, amount = 0;
    for (const auto& c : s.categories) {
        listing.add({Cell::of(c.name), Cell::number(c.findings), Cell::money(c.amountFen)});
        findings += c.findings;
        amount += c.amountFen;
    }
    listing.add({Cell::of("合计"), Cell::number(findings), Cell::money(amount)});
    listing.withoutCount();
    out << "\n四、发现问题（按类别，已确认及以后的问题）\n";
    listing.print(out, ListingFormat::Table);
}

void printClues(std::ostream& out, const services::Statistics& s) {
    if (!s.clues) return;
    Listing listing({{"receiver", "接收单位"}, {"clues", "线索(件)"}, {"people", "人数(人)"}, {"concluded", "已办结"},
                     {"closure_rate", "办结率%"}, {"f1", "第一种形态"}, {"f2", "第二种形态"}, {"f3", "第三种形态"},
                     {"f4", "第四种形态"}, {"sanctioned_people", "党纪政务处分(人)"}, {"referred", "移送司法(人次)"},
                     {"recovered", "追缴挽回(元)"}});
    for (const auto& f : *s.clues) {
        const services::RectificationFigures closure{"", "", f.clues, f.concluded};
        listing.add({termCell(domain::receivingBodies, f.receiver), Cell::number(f.clues), Cell::number(f.people),
                     Cell::number(f.concluded), rateCell(closure.ratePermille()), Cell::number(f.formCounts[0]),
                     Cell::number(f.formCounts[1]), Cell::number(f.formCounts[2]), Cell::number(f.formCounts[3]),
                     Cell::number(f.sanctionedPeople), Cell::number(f.referred), Cell::money(f.recoveredFen)});
    }
    listing.withoutCount();
    out << "\n五、问题线索\n";
    listing.print(out, ListingFormat::Table);
}

int runReportStats(Invocation& inv) {
    auto s = openSession(inv);
    services::StatisticsQuery query;
    query.roundCodes = inv.args.values("round");
    query.unitCode = inv.args.value("unit");
    query.asOf = dateOption(inv, "as-of");
    if (inv.args.value("from")) query.from = dateOption(inv, "from");
    if (inv.args.value("to")) query.to = dateOption(inv, "to");
    services::requirePeriod(query.from, query.to);
    ProgressLine progress(inv.err, showsProgress(inv));
    const auto stats = services::computeStatistics(s.db, s.actor, query, services::CategoryNames::installed(inv.app.settings()),
                                                   progress.sink());
    progress.clear();
    if (inv.format() == ListingFormat::Json) {
        inv.out << services::jsonText(services::statisticsView(stats)) << "\n";
        return 0;
    }
    inv.out << "统计（截至 " << civil::formatDate(stats.asOf) << "；轮次：";
    for (size_t i = 0; i < stats.roundCodes.size(); ++i) inv.out << (i ? "、" : "") << stats.roundCodes[i];
    if (stats.roundCodes.empty()) inv.out << "无";
    if (stats.unitCode) inv.out << "；单位：" << *stats.unitCode;
    if (stats.from || stats.to)
        inv.out << "；期间：" << (stats.from ? civil::formatDate(*stats.from) : "") << " 至 "
                << (stats.to ? civil::formatDate(*stats.to) : "");
    inv.out << "）\n\n";
    printColours(inv.out, stats);
    printOverdue(inv.out, stats);
    printRectification(inv.out, stats);
    printCategories(inv.out, stats);
    printClues(inv.out, stats);
    return 0;
}

const Registration reportStatsRegistration{CommandSpec{
    {"report", "stats"},
    "统计：各单位未销号任务的预警等级、逾期任务、各轮整改完成率、按类别的问题数、问题线索（口径见 docs/statistics.md）",
    {{"round", "CODE", "只统计这些轮次（可给多个，默认全部可见的轮次）", true},
     unitFilterOption(),
     {"from", "YYYY-MM-DD", "只统计起止日期与这段时间有交集的轮次：开始"},
     {"to", "YYYY-MM-DD", "同上：结束"},
     {"as-of", "YYYY-MM-DD", "按这一天计算（默认今天）"},
     {"format", "table|json", "输出格式（默认 table）"},
     quietOption()},
    "", 0, 0,
    "  patrol report stats --as-of 2026-06-30\n  patrol report stats --round 2026-R1 --format json\n",
    runReportStats}};

}  // namespace
}  // namespace patrol::cli
