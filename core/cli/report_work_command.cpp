// `patrol report work` writes the inspection part of a 工作汇报 from the office's template, and
// `patrol report explain` lists the records behind one of its figures (services/work_report*).
#include <patrol/sdk/civil.hpp>

#include <ostream>

#include "core/cli/app.hpp"
#include "core/cli/progress_line.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/services/work_report.hpp"
#include "core/services/workflow_settings.hpp"

namespace patrol::cli {
namespace {

services::WorkReportQuery reportQuery(Invocation& inv) {
    services::WorkReportQuery query;
    inv.args.required("from");
    inv.args.required("to");
    query.from = dateOption(inv, "from");
    query.to = dateOption(inv, "to");
    query.term = inv.args.value("term");
    query.asOf = inv.args.value("as-of") ? dateOption(inv, "as-of") : query.to;
    query.reportDays = services::readWorkflowSettings(inv.app.settings()).reportDays;
    return query;
}

int runWork(Invocation& inv) {
    const std::string file = inv.args.required("o");
    services::reportFormatOf(file);  // a wrong suffix is refused before anything is read
    const auto query = reportQuery(inv);
    auto s = openSession(inv);
    ProgressLine progress(inv.err, showsProgress(inv));
    const auto figures = services::computeWorkReport(s.db, s.actor, query,
                                                     services::CategoryNames::installed(inv.app.settings()), progress.sink());
    services::writeWorkReport(figures, inv.app.settings().text("report.templates"), file);
    progress.clear();
    inv.out << "已写入工作汇报 " << file << "：" << figures.rounds << " 轮巡察，发现问题 " << figures.findings
            << " 个，移交问题线索 " << figures.clueTotal.clues << " 件（" << civil::formatDate(query.from) << " 至 "
            << civil::formatDate(query.to) << "）。\n";
    return 0;
}

int runExplain(Invocation& inv) {
    const std::string figure = inv.args.positional().at(0);
    const auto query = reportQuery(inv);
    auto s = openSession(inv);
    const auto trace = services::explainFigure(s.db, s.actor, query,
                                               services::CategoryNames::installed(inv.app.settings()), figure);
    inv.out << trace.label << "：" << trace.value << "（" << civil::formatDate(query.from) << " 至 "
            << civil::formatDate(query.to) << (query.term ? "，" + *query.term : "") << "，截至 "
            << civil::formatDate(query.asOf) << "）\n";
    Listing listing({{"record", "记录"}, {"counted", "是否计入"}, {"note", "说明"}});
    for (const auto& item : trace.counted) listing.add({Cell::of(item.record), Cell::of("计入"), Cell::of(item.note)});
    for (const auto& item : trace.excluded)
        listing.add({Cell::of(item.record), Cell::of("未计入"), Cell::of(item.note)});
    listing.withoutCount();
    listing.print(inv.out, ListingFormat::Table);
    inv.out << "计入 " << trace.counted.size() << " 条，未计入 " << trace.excluded.size() << " 条。\n";
    return 0;
}

OptionSpec periodOption(const char* name, const char* help) { return {name, "YYYY-MM-DD", help}; }

const Registration workRegistration{CommandSpec{
    {"report", "work"},
    "写出工作汇报（巡察部分）：巡察轮次、覆盖率、发现问题、问题线索、四种形态、处分、整改和“回头看”，附每个数字的来源；按文件后缀写成 Markdown、网页或 Word",
    {{"o", "FILE", "写到这个文件：.md、.html 或 .docx（已存在时替换）"},
     periodOption("from", "统计期间开始（必填）：起止日期与期间有交集的轮次计入"),
     periodOption("to", "统计期间结束（必填）"),
     {"term", "TERM", "只统计这一届的轮次，例如 十五届"},
     periodOption("as-of", "整改完成率和逾期任务按这一天计算（默认统计期间结束日）"),
     quietOption()},
    "", 0, 0,
    "  patrol report work --from 2026-01-01 --to 2026-12-31 -o 汇报.docx\n"
    "  patrol report work --from 2024-01-01 --to 2026-12-31 --term 十五届 -o 汇报.html\n",
    runWork}};

const Registration explainRegistration{CommandSpec{
    {"report", "explain"},
    "列出工作汇报中一个数字背后的记录：计入的记录，以及未计入的记录和原因",
    {periodOption("from", "统计期间开始（必填），与 report work 相同"),
     periodOption("to", "统计期间结束（必填）"),
     {"term", "TERM", "只统计这一届的轮次"},
     periodOption("as-of", "整改完成率和逾期任务按这一天计算（默认统计期间结束日）")},
    "FIGURE", 1, 1,
    "  patrol report explain findings --from 2026-01-01 --to 2026-12-31\n"
    "  patrol report explain sanctioned_people --from 2026-01-01 --to 2026-12-31\n"
    "  数字名称：rounds units_covered findings four_styles clues_transferred clue_people clues_closed four_forms\n"
    "            sanctioned_people money_recovered fed_back rectified overdue_tasks repeat_findings lookback_findings\n",
    runExplain}};

}  // namespace
}  // namespace patrol::cli
