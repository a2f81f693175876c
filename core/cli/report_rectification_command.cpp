// `patrol report rectification`: drafts the unit's 整改情况报告 for one round from what it entered
// (services/rectification_report), as Markdown, a printable page or a Word document.
#include <patrol/sdk/civil.hpp>

#include <ostream>

#include "core/cli/app.hpp"
#include "core/cli/progress_line.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/services/rectification_report.hpp"
#include "core/services/report_document.hpp"

namespace patrol::cli {
namespace {

int runRectification(Invocation& inv) {
    const std::string file = inv.args.required("o");
    services::reportFormatOf(file);
    const std::string round = inv.args.required("round");
    const std::string unit = inv.args.required("unit");
    const int32_t asOf = dateOption(inv, "as-of");
    auto s = openSession(inv);
    ProgressLine progress(inv.err, showsProgress(inv));
    const auto report = services::readRectificationReport(s.db, s.actor, round, unit, asOf,
                                                          services::readWorkflowSettings(inv.app.settings()), progress.sink());
    const auto markdown = services::rectificationReportMarkdown(
        report, services::CategoryNames::installed(inv.app.settings()), inv.app.settings().text("report.templates"));
    services::writeReportDocument(markdown, file);
    progress.clear();
    inv.out << "已写入整改情况报告 " << file << "：" << report.unit.name << "，反馈问题 " << report.items.size()
            << " 个（报送期限 " << civil::formatDate(report.reportDue) << "）。\n";
    return 0;
}

const Registration rectificationRegistration{CommandSpec{
    {"report", "rectification"},
    "起草被巡察单位的整改情况报告：反馈的问题、整改措施、责任人、进展和佐证材料、未完成事项和长效机制",
    {{"o", "FILE", "写到这个文件：.md、.html 或 .docx（已存在时替换）"},
     {"round", "CODE", "轮次编码"},
     {"unit", "CODE", "单位编码（单位联系人只能是本单位）"},
     {"as-of", "YYYY-MM-DD", "完成情况按这一天叙述（默认今天）"},
     quietOption()},
    "", 0, 0,
    "  patrol report rectification --round 2026-R1 --unit QX-HT -o 河塘镇整改情况报告.docx\n",
    runRectification}};

}  // namespace
}  // namespace patrol::cli
