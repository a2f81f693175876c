// `patrol check`: runs check plugins over a data folder (spec/datasets.md "Running a check").
// Findings go to stdout (JSONL, one object each, or a table); diagnostics go to stderr.
#include "core/cli/app.hpp"
#include "core/cli/session.hpp"
#include "core/cli/error_hints.hpp"
#include "core/cli/exit_code.hpp"
#include "core/cli/progress_line.hpp"
#include "core/cli/descriptor_output.hpp"
#include "core/domain/errors.hpp"
#include "core/plugins/finding_output.hpp"
#include "core/services/calendar_loader.hpp"
#include "core/services/check_service.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/read_limits_setting.hpp"

#include <cerrno>
#include <cstring>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include <unistd.h>

namespace patrol::cli {
namespace {

// `progress` (optional) is told Printing as the JSONL goes out. `afterwards`: whether the
// findings' texts are read again (recording) once printed.
void printFindings(std::ostream& out, const plugins::FindingArena& findings, bool jsonl, plugins::TextsAfterwards afterwards,
                   const services::ProgressSink* progress = nullptr) {
    if (jsonl) {
        std::function<void(size_t)> written;
        if (progress)
            written = [&](size_t done) {
                services::tell(progress, services::WorkPhase::Printing, done, findings.size(), services::WorkItems::Findings);
            };
        plugins::writeFindingsJsonl(out, findings, written, afterwards);
        return;
    }
    Listing listing({{"plugin", "插件"}, {"rule", "规则"}, {"unit", "单位"}, {"refs", "记录"}, {"amount", "金额（元）"}, {"title", "标题"}});
    for (const plugins::FindingView f : findings) {
        std::string refs;
        for (const auto r : f.refs) (refs += refs.empty() ? "" : " ") += r;
        listing.add({Cell::of(std::string(f.plugin)), Cell::of(std::string(f.rule)), Cell::of(std::string(f.unit)), Cell::of(refs),
                     f.amountFen ? Cell::money(*f.amountFen) : Cell{}, Cell::of(std::string(f.title))});
    }
    listing.print(out, ListingFormat::Table);
}

// Prints through print(), and refuses when the findings could not all be written (a full disk,
// a reader gone): before anything is recorded, so a round never holds findings its user did not
// get to see. As the executable, standard output is a DescriptorOutput (main.cpp), which keeps
// the failed write's error; into a regular file, a WriteBehindBuffer.
void printAll(Invocation& inv, const std::optional<std::string>& round, const std::function<void(std::ostream&)>& print) {
    print(inv.out);
    inv.out.flush();
    if (inv.out) return;
    const auto* output = dynamic_cast<const DescriptorOutput*>(inv.out.rdbuf());
    const int error = output ? output->failure() : 0;
    const std::string notRecorded = round ? "未记录到轮次 " + *round + "；" : "";
    if (error == EPIPE)
        throw UserError("无法写出检查结果：接收输出的程序已先行结束（管道已关闭）。" + notRecorded + "如只需看其中几条，请先把结果写入文件再查看。");
    throw UserError("无法写出检查结果：" + std::string(error ? std::strerror(error) : "标准输出写入失败") + "。" + notRecorded +
                    "请检查磁盘空间和输出位置后重试。");
}

int runCheck(Invocation& inv) {
    const std::string format = inv.args.value("format").value_or("jsonl");
    const std::string pluginWord = inv.args.required("plugin");
    const auto& settings = inv.app.settings();

    services::CheckRequest request;
    request.dataFolder = inv.args.required("data");
    request.allPlugins = pluginWord == "all";
    if (!request.allPlugins) request.pluginIds = {pluginWord};
    request.asOf = inv.args.value("as-of") ? services::requireDate(*inv.args.value("as-of"), "--as-of") : services::localToday();
    request.isolate = inv.args.has("isolate") || settings.flag("plugins.isolate");
    const int64_t timeout = settings.integer("plugins.timeout_seconds");
    if (timeout < 1 || timeout > 86400)
        throw UserError("配置项 plugins.timeout_seconds 应为 1 到 86400 之间的秒数，实际为 " + std::to_string(timeout) + "。");
    request.timeoutSeconds = static_cast<int>(timeout);
    request.limits = services::readLimits(settings);
    request.settingOverrides = [&settings](const std::string& id) { return services::pluginSettingOverrides(settings, id); };
    // The progress line goes before any notice and comes back with the next count.
    ProgressLine progress(inv.err, showsProgress(inv));
    request.progress = progress.sink();
    // Calendar warnings reach the check's notices too (a plugin asked about an uncovered year).
    request.notice = [&inv, &progress](const std::string& line) {
        progress.clear();
        inv.err << withNextStep(line, {"calendar.file", ""}) << "\n";
    };

    const auto round = inv.args.value("round");
    request.fingerprints = round.has_value();  // only recording uses them
    std::optional<Session> session;
    if (round) {
        session.emplace(openSession(inv));
        request.pluginIds = services::pluginsToRecord(session->db, session->actor, *round, request.pluginIds);
    }
    const services::LoadedCalendar calendar = services::loadCalendar(settings, inv.app.calendarOverride());
    request.calendar = &calendar.calendar;

    for (const auto& warning : services::missingPluginFolders(settings)) inv.err << warning << "\n";
    plugins::PluginCatalog catalog = plugins::PluginCatalog::discover(services::pluginFolders(settings));
    services::CheckReport report = services::runCheck(catalog, request);
    // Findings printed to the same terminal would break into the line: it shows only while
    // they go to a file or a pipe.
    progress.clear();
    printAll(inv, round, [&](std::ostream& out) {
        printFindings(out, report.findings, format == "jsonl", round ? plugins::TextsAfterwards::ReadAgain : plugins::TextsAfterwards::NotNeeded,
                      ::isatty(STDOUT_FILENO) == 1 ? nullptr : progress.sink());
    });
    const size_t found = report.findings.size();
    const bool anyFailed = report.anyFailed();

    if (round) {
        const auto recorded = services::recordCheck(session->db, session->actor, *round, std::move(report), progress.sink());
        progress.clear();
        for (const auto& unit : recorded.leftOut) inv.err << services::describeLeftOut(unit, *round) << "\n";
        inv.err << "已记录到轮次 " << *round << "：新增疑似问题 " << recorded.added << " 个，此前已记录 " << recorded.alreadyRecorded << " 个";
        if (!recorded.leftOut.empty()) inv.err << "，未记录 " << recorded.leftOutFindings() << " 个（见上）";
        inv.err << "\n";
    }
    progress.clear();
    inv.err << "共发现疑似问题 " << found << " 个" << (round ? "" : "（试运行，未记录；加 --round 记录到轮次）") << "\n";
    return anyFailed ? static_cast<int>(ExitCode::Internal) : 0;
}

const Registration checkRegistration{CommandSpec{
    {"check"},
    "用检查插件核查数据目录中的 CSV 台账，输出疑似问题（不加 --round 时只试运行）",
    {{"plugin", "ID|all", "插件编号；all 表示对 <数据目录>/<插件编号>/ 逐一运行已安装的插件"},
     {"data", "DIR", "数据目录（CSV 文件所在目录）"},
     {"as-of", "YYYY-MM-DD", "以哪一天为“今天”（默认本机当天）"},
     {"format", "jsonl|table", "输出格式（默认 jsonl：每行一个 JSON 对象）"},
     {"round", "CODE", "把结果记录为该轮次的疑似问题（同一问题不重复记录）"},
     {"isolate", "", "在子进程中运行插件，插件崩溃或超时不影响本程序（配置 plugins.isolate）"},
     quietOption()},
    "",
    0,
    0,
    "  patrol check --plugin four_styles --data ./data/four_styles --as-of 2026-06-30\n"
    "  patrol check --plugin all --data ./data --format table\n"
    "  patrol check --plugin four_styles --data ./data/four_styles --round 2026-R2\n",
    runCheck}};

}  // namespace
}  // namespace patrol::cli
