// `patrol report ledger`: the rectification ledger (问题清单, 整改清单, 责任清单, 统计) as an
// Excel workbook, with the rows the acting user may see (services/ledger, ledger_workbook).
#include <patrol/sdk/civil.hpp>

#include <ostream>

#include "core/cli/app.hpp"
#include "core/cli/progress_line.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/services/ledger.hpp"
#include "core/services/ledger_workbook.hpp"

namespace patrol::cli {
namespace {

std::string requireWorkbookName(const std::string& file) {
    const auto dot = file.rfind('.');
    std::string extension = dot == std::string::npos ? "" : file.substr(dot);
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension != ".xlsx")
        throw InvalidInput("output", "台账文件（-o）", "应以 .xlsx 结尾，收到的是 \"" + file + "\"。例如：-o 台账.xlsx");
    return file;
}

int runLedger(Invocation& inv) {
    const std::string file = requireWorkbookName(inv.args.required("o"));
    auto s = openSession(inv);
    services::StatisticsQuery query;
    query.roundCodes = inv.args.values("round");
    query.unitCode = inv.args.value("unit");
    query.asOf = dateOption(inv, "as-of");
    if (inv.args.value("from")) query.from = dateOption(inv, "from");
    if (inv.args.value("to")) query.to = dateOption(inv, "to");
    services::requirePeriod(query.from, query.to);
    const auto names = services::CategoryNames::installed(inv.app.settings());
    const auto ledger = services::readLedger(s.db, s.actor, query, names,
                                              services::readWorkflowSettings(inv.app.settings()));
    ProgressLine progress(inv.err, showsProgress(inv));
    services::writeLedgerWorkbook(ledger, names, file, services::ZipEffort::Fast, progress.sink());
    progress.clear();
    inv.out << "已写入台账 " << file << "：问题清单 " << ledger.findings.size() << " 条，整改清单 " << ledger.tasks.size()
            << " 条，责任清单 " << ledger.responsible.size() << " 条（截至 " << civil::formatDate(query.asOf) << "）。\n";
    return 0;
}

const Registration ledgerRegistration{CommandSpec{
    {"report", "ledger"},
    "写出整改台账 Excel 工作簿：问题清单、整改清单、责任清单和统计（含图表），只含执行用户可见的记录",
    {{"o", "FILE.xlsx", "写到这个文件（已存在时替换）"},
     {"round", "CODE", "只含这些轮次（可给多个，默认全部可见的轮次）", true},
     unitFilterOption(),
     {"from", "YYYY-MM-DD", "只含起止日期与这段时间有交集的轮次：开始"},
     {"to", "YYYY-MM-DD", "同上：结束"},
     {"as-of", "YYYY-MM-DD", "预警等级、剩余和逾期天数按这一天计算（默认今天）"},
     quietOption()},
    "", 0, 0,
    "  patrol report ledger -o 台账.xlsx\n  patrol report ledger --round 2026-R1 --unit QX-HT -o 河塘镇台账.xlsx\n",
    runLedger}};

}  // namespace
}  // namespace patrol::cli
