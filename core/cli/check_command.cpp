// `patrol check`: runs check plugins over a data folder (spec/datasets.md "Running a check").
// Findings go to stdout (JSONL, one object each, or a table); diagnostics go to stderr.
#include "core/cli/app.hpp"
#include "core/cli/session.hpp"
#include "core/cli/error_hints.hpp"
#include "core/cli/exit_code.hpp"
#include "core/cli/progress_line.hpp"
#include "core/domain/errors.hpp"
#include "core/services/calendar_loader.hpp"
#include "core/services/check_service.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/read_limits_setting.hpp"

#include <patrol/sdk/money.hpp>

#include <array>
#include <functional>
#include <future>
#include <ostream>
#include <system_error>

#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace patrol::cli {
namespace {

// A JSON string literal appended to `out`; runs of plain bytes are copied in one go, which
// matters when a check prints hundreds of thousands of findings.
void appendJson(std::string& out, const std::string& s) {
    // Bytes that must be escaped: controls, the quote and the backslash.
    static constexpr auto kEscaped = [] {
        std::array<bool, 256> t{};
        for (int c = 0; c < 0x20; ++c) t[static_cast<size_t>(c)] = true;
        t['"'] = t['\\'] = true;
        return t;
    }();
    out.push_back('"');
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
#if defined(__SSE2__)
        // Sixteen bytes at a time while none needs escaping (titles and details are long).
        while (s.size() - i >= 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
            const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
            const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
            if (_mm_movemask_epi8(_mm_or_si128(control, special)) != 0) break;
            i += 16;
        }
        if (i >= s.size()) break;
#endif
        const auto c = static_cast<unsigned char>(s[i]);
        if (!kEscaped[c]) continue;
        out.append(s, run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default: {
            static const char* hex = "0123456789abcdef";
            out.append("\\u00");
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
        }
    }
    out.append(s, run, std::string::npos);
    out.push_back('"');
}

// One finding as one JSONL line (spec/datasets.md "One finding, as JSONL").
void appendJsonLine(std::string& line, const plugins::CheckFinding& f) {
    line.append("{\"plugin\":");
    appendJson(line, f.plugin);
    line.append(",\"rule\":");
    appendJson(line, f.rule);
    line.append(",\"unit\":");
    appendJson(line, f.unit);
    line.append(",\"refs\":[");
    for (size_t i = 0; i < f.refs.size(); ++i) {
        if (i) line.push_back(',');
        appendJson(line, f.refs[i]);
    }
    line.append("],\"amount\":").append(f.amountFen ? money::formatYuan(*f.amountFen) : std::string("null"));
    line.append(",\"title\":");
    appendJson(line, f.title);
    line.append(",\"detail\":");
    appendJson(line, f.detail);
    line.append("}\n");
}

// Findings [first, last) as JSONL, written a megabyte at a time from one buffer; `printed`
// (optional) hears how many were written after each megabyte.
void printJsonLines(std::ostream& out, const plugins::CheckFinding* first, const plugins::CheckFinding* last,
                    const std::function<void(size_t)>& printed = {}) {
    constexpr size_t kChunk = size_t{1} << 20;
    std::string text;
    text.reserve(kChunk + 64 * 1024);
    const plugins::CheckFinding* begin = first;
    for (; first != last; ++first) {
        appendJsonLine(text, *first);
        if (text.size() >= kChunk) {
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
            text.clear();
            if (printed) printed(static_cast<size_t>(first + 1 - begin));
        }
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

// Many findings are printed from two threads: the later half is turned into text on its own
// (held in memory: a few megabytes) while the first half is written.
void printJsonLines(std::ostream& out, const std::vector<plugins::CheckFinding>& findings, const services::ProgressSink* progress) {
    constexpr size_t kWorthAThread = 4096;
    const plugins::CheckFinding* begin = findings.data();
    const plugins::CheckFinding* end = begin + findings.size();
    const plugins::CheckFinding* half = begin + findings.size() / 2;
    std::future<std::string> later;
    if (findings.size() >= kWorthAThread) {
        try {
            later = std::async(std::launch::async, [half, end] {
                size_t size = 0;  // about: the texts, plus room for the fixed parts and escapes
                for (const plugins::CheckFinding* f = half; f != end; ++f) size += f->title.size() + f->detail.size() + 160;
                std::string text;
                text.reserve(size);
                for (const plugins::CheckFinding* f = half; f != end; ++f) appendJsonLine(text, *f);
                return text;
            });
        } catch (const std::system_error&) {
            // no second thread: all of it is written from here
        }
    }
    const auto tellPrinted = [&](size_t done) { services::tell(progress, services::WorkPhase::Printing, done, findings.size(), services::WorkItems::Findings); };
    std::function<void(size_t)> printed;
    if (progress) printed = tellPrinted;
    printJsonLines(out, begin, later.valid() ? half : end, printed);
    if (!later.valid()) return;
    const std::string text = later.get();
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (progress) tellPrinted(findings.size());
}

// `progress` (optional) is told Printing as the JSONL goes out.
void printFindings(std::ostream& out, const std::vector<plugins::CheckFinding>& findings, bool jsonl,
                   const services::ProgressSink* progress = nullptr) {
    if (jsonl) {
        printJsonLines(out, findings, progress);
        return;
    }
    Listing listing({{"plugin", "插件"}, {"rule", "规则"}, {"unit", "单位"}, {"refs", "记录"}, {"amount", "金额（元）"}, {"title", "标题"}});
    for (const auto& f : findings) {
        std::string refs;
        for (const auto& r : f.refs) refs += (refs.empty() ? "" : " ") + r;
        listing.add({Cell::of(f.plugin), Cell::of(f.rule), Cell::of(f.unit), Cell::of(refs), f.amountFen ? Cell::money(*f.amountFen) : Cell{},
                     Cell::of(f.title)});
    }
    listing.print(out, ListingFormat::Table);
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
    printFindings(inv.out, report.findings, format == "jsonl", ::isatty(STDOUT_FILENO) == 1 ? nullptr : progress.sink());
    inv.out.flush();
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

const Registration registration{CommandSpec{
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
