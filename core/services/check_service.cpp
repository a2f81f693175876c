#include "core/services/check_service.hpp"

#include "core/data/dataset.hpp"
#include "core/domain/errors.hpp"
#include "core/services/not_found.hpp"
#include "core/plugins/plugin_run.hpp"
#include "core/plugins/plugin_settings.hpp"
#include "core/plugins/table_views.hpp"
#include "core/services/arena_check_findings.hpp"
#include "core/services/authorization.hpp"
#include "core/services/install_paths.hpp"
#include "core/services/settings.hpp"
#include "core/store/round_repository.hpp"
#include "core/digest/sha256.hpp"

#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <set>
#include <sstream>
#include <system_error>

namespace patrol::services {

namespace {

// The folders as written in plugins.folders, each with the folder it means.
std::vector<std::pair<std::string, std::filesystem::path>> configuredPluginFolders(const Settings& settings) {
    const std::string configFile = settings.configFile();
    std::error_code ec;
    const std::filesystem::path base = configFile.empty() ? std::filesystem::current_path(ec) : std::filesystem::absolute(configFile, ec).parent_path();
    std::vector<std::pair<std::string, std::filesystem::path>> folders;
    std::stringstream configured(settings.text("plugins.folders"));
    for (std::string folder; std::getline(configured, folder, ';');) {
        const auto first = folder.find_first_not_of(" \t");
        if (first == std::string::npos) continue;
        const std::string written = folder.substr(first, folder.find_last_not_of(" \t") - first + 1);
        // "~/" means the home folder in every item, not only in the first (which the settings expand).
        const char* home = std::getenv("HOME");
        const std::filesystem::path path = written.rfind("~/", 0) == 0 && home ? std::string(home) + written.substr(1) : written;
        folders.emplace_back(written, (base / path).lexically_normal());
    }
    return folders;
}

}  // namespace

std::vector<std::filesystem::path> pluginFolders(const Settings& settings) {
    std::vector<std::filesystem::path> folders;
    for (const auto& [written, folder] : configuredPluginFolders(settings)) folders.push_back(folder);
    folders.emplace_back(defaultPluginDir());
    return folders;
}

std::vector<std::string> missingPluginFolders(const Settings& settings) {
    std::vector<std::string> warnings;
    for (const auto& [written, folder] : configuredPluginFolders(settings)) {
        std::error_code ec;
        if (std::filesystem::is_directory(folder, ec)) continue;
        const std::string where = settings.configFile().empty() ? std::string() : "（配置文件 " + settings.configFile() + "）";
        const bool relative = std::filesystem::path(written).is_relative() && written.rfind("~/", 0) != 0;
        warnings.push_back("警告：配置项 plugins.folders" + where + "中的插件目录 " + written + " 不存在" +
                           (relative ? "（相对于配置文件所在的目录，即 " + folder.string() + "）" : std::string()) +
                           "，已跳过。请改正该路径或删去这一项。");
    }
    return warnings;
}

std::string searchedFolders(const std::vector<std::filesystem::path>& folders) {
    std::string out;
    for (const auto& f : folders) out += (out.empty() ? "" : "；") + f.string();
    return "搜索的目录：" + out;
}

std::vector<std::string> installedPluginIds(const Settings& settings) {
    const auto catalog = plugins::PluginCatalog::discover(pluginFolders(settings));
    std::set<std::string> ids;
    for (const auto& p : catalog.plugins()) ids.insert(p.id);
    return {ids.begin(), ids.end()};
}

std::map<std::string, std::string> pluginSettingOverrides(const Settings& settings, const std::string& pluginId) {
    return settings.section("plugin." + pluginId);
}

bool CheckReport::anyFailed() const {
    return std::any_of(plugins.begin(), plugins.end(), [](const PluginCheck& p) { return !p.ok; });
}

namespace {

std::string installedIds(const plugins::PluginCatalog& catalog) {
    std::set<std::string> ids;
    for (const auto& p : catalog.plugins()) ids.insert(p.id);
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : "、") + id;
    return out.empty() ? "无" : out;
}

// The rules that cannot run because a table they need has no file, one line per rule.
std::vector<std::string> skippedRules(const plugins::PluginMetadata& meta, const data::Dataset& dataset, const std::filesystem::path& folder,
                                      std::vector<std::string>& lines) {
    std::vector<std::string> skipped;
    for (const auto& rule : meta.rules) {
        std::string files;
        for (const auto& table : rule.tables)
            if (dataset.isMissing(table)) files += (files.empty() ? "" : "、") + (folder / meta.table(table)->file).string();
        if (files.empty()) continue;
        skipped.push_back(rule.code);
        lines.push_back("[" + meta.id + "] 规则 " + rule.code + "（" + rule.name + "）已跳过：缺少数据文件 " + files);
    }
    return skipped;
}

// A data folder that holds none of the plugin's files but sub-folders named after plugins is
// the parent of the per-plugin folders (the layout of --plugin all): run on it, the plugin would
// skip every rule and report nothing, which reads as a clean result. Refused, naming the folder
// that was probably meant.
void refuseParentFolder(const plugins::PluginEntry& plugin, const std::filesystem::path& folder, const plugins::PluginCatalog& catalog) {
    if (!plugin.metadata || plugin.metadata->tables.empty()) return;
    std::error_code ec;
    std::string files;
    for (const auto& table : plugin.metadata->tables) {
        if (std::filesystem::exists(folder / table.file, ec)) return;
        files += (files.empty() ? "" : "、") + table.file;
    }
    std::set<std::string> named;
    for (const auto& other : catalog.plugins())
        if (std::filesystem::is_directory(folder / other.id, ec)) named.insert(other.id);
    if (named.empty()) return;
    std::string subfolders;
    for (const auto& id : named) subfolders += (subfolders.empty() ? "" : "、") + id;
    std::string message = "数据目录 " + folder.string() + " 中没有插件 " + plugin.id + " 的任何数据文件（" + files + "），却有以插件命名的子目录 " +
                          subfolders + "。";
    if (named.count(plugin.id))
        message += "是否应为 " + (folder / plugin.id).string() + "？";
    else
        message += "检查全部插件请用 --plugin all --data " + folder.string() + "。";
    throw UserError(message);
}

// What a recording says the run read: one line per data file of the plugin ("file size sha256",
// "file -" when absent), hashed. Anyone holding the files can recompute it with sha256sum.
std::string dataDigestOf(const plugins::PluginMetadata& meta, const std::filesystem::path& folder) {
    std::string lines;
    for (const auto& table : meta.tables) {
        const auto path = folder / table.file;
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        const auto sha = ec ? std::nullopt : digest::sha256OfFile(path.string());
        lines += table.file + " " + (sha ? std::to_string(size) + " " + *sha : std::string("-")) + "\n";
    }
    return digest::sha256Hex(lines);
}

// A plugin's report of the share of its work done (0 to 1) as a whole percent; a share outside
// that, or not a number, is held to the nearer end.
uint64_t percentOf(double share) {
    if (!(share > 0)) return 0;
    return share >= 1 ? 100 : static_cast<uint64_t>(share * 100);
}

// `named`: the check runs several plugins, and the progress names this one.
PluginCheck checkOne(plugins::PluginEntry& plugin, const std::filesystem::path& folder, const CheckRequest& request, bool named) {
    auto notice = [&](const std::string& line) {
        if (request.notice) request.notice(line);
    };
    PluginCheck check;
    check.pluginId = plugin.id;
    check.metadata = plugin.metadata ? &*plugin.metadata : nullptr;
    if (const auto status = plugin.status(); status.state == plugins::PluginState::Failed || !plugin.metadata) {
        check.error = status.error;
        notice(check.error);
        return check;
    }
    const auto settings = plugins::resolveSettings(*plugin.metadata, request.settingOverrides ? request.settingOverrides(plugin.id) : std::map<std::string, std::string>{});
    data::ReadLimits limits = request.limits;
    limits.textCodes = plugins::readsTextCodes(plugin.metadata->abi);
    const ProgressSink* const progress = request.progress && *request.progress ? request.progress : nullptr;
    const std::string_view subject = named ? std::string_view(plugin.id) : std::string_view();
    data::ReadProgress reading;
    if (progress)
        reading = [progress, subject](uint64_t done, uint64_t total) { tell(progress, WorkPhase::Reading, done, total, WorkItems::Bytes, subject); };
    auto owned = std::make_unique<data::Dataset>(data::readDataset(folder, plugin.metadata->tables, 0, limits, reading));
    const data::Dataset& dataset = *owned;
    for (const auto& reject : dataset.rejects()) notice("[" + plugin.id + "] 拒收 " + reject.format());
    if (const uint64_t unlisted = dataset.rejectCount() - dataset.rejects().size(); unlisted > 0)
        notice("[" + plugin.id + "] 拒收的行只列出了前 " + std::to_string(dataset.rejects().size()) + " 行，以及另外 " + std::to_string(unlisted) +
               " 行未列出（列出的行数见设置 data.max_listed_rejects）");
    std::vector<std::string> lines;
    check.skippedRules = skippedRules(*plugin.metadata, dataset, folder, lines);
    for (const auto& line : lines) notice(line);
    check.rowsRead = dataset.acceptedRows();
    if (request.fingerprints) check.dataDigest = dataDigestOf(*plugin.metadata, folder);
    check.rowsRejected = dataset.rejectCount();

    plugins::RunRequest run;
    run.dataset = &dataset;
    run.idsOnly = [&] { check.freed.add(owned->releaseAllButIds()); };
    run.doneReading = [&] { check.freed.add(std::move(owned)); };
    run.asOf = request.asOf;
    const domain::WorkingCalendar* calendar = request.calendar;
    run.isWorkingDay = [calendar](int32_t day) { return calendar ? calendar->isWorkingDay(day) : !civil::isWeekend(day); };
    run.notices = [calendar] { return calendar ? calendar->takeWarnings() : std::vector<std::string>{}; };
    run.settings = settings;
    run.isolate = request.isolate;
    run.timeoutSeconds = request.timeoutSeconds;
    run.fingerprints = request.fingerprints;
    run.log = [&](patrol_log_level level, const std::string& text) {
        if (level < PATROL_LOG_INFO) return;
        const std::string label = std::string(plugins::logLevelLabel(level)) + "：";
        notice("[" + plugin.id + "] " + (text.rfind(label, 0) == 0 ? text : label + text));
    };
    if (progress) {
        // Drawn before the plugin starts, so that one that reports nothing (or runs isolated,
        // whose reports stay in its child process) does not leave the reading on the line.
        tell(progress, WorkPhase::Checking, 0, 100, WorkItems::Percent, subject);
        // A percent told again (the bundled plugins report their last rule's share, then 1.0) is not drawn again.
        run.progress = [progress, subject, told = uint64_t{0}](double share) mutable {
            const uint64_t percent = percentOf(share);
            if (percent == told) return;
            told = percent;
            tell(progress, WorkPhase::Checking, percent, 100, WorkItems::Percent, subject);
        };
    }
    plugins::RunResult result = plugins::runPlugin(plugin, run);
    check.ok = result.ok;
    check.error = result.error;
    check.findings = std::move(result.findings);
    if (!check.ok) notice(check.error);
    notice("[" + plugin.id + "] 采用 " + std::to_string(check.rowsRead) + " 行，拒收 " + std::to_string(check.rowsRejected) + " 行，跳过规则 " +
           std::to_string(check.skippedRules.size()) + " 条，" +
           (check.ok ? "发现疑似问题 " + std::to_string(check.findings.size()) + " 个" : std::string("插件运行失败，结果未采用")));
    return check;
}

}  // namespace

CheckReport runCheck(plugins::PluginCatalog& catalog, const CheckRequest& request) {
    data::requireDataFolder(request.dataFolder);
    std::error_code ec;

    // Which plugins, each with its data folder.
    std::vector<std::pair<plugins::PluginEntry*, std::filesystem::path>> work;
    if (!request.allPlugins) {
        for (const auto& id : request.pluginIds) {
            plugins::PluginEntry* p = catalog.find(id);
            if (!p)
                throw NotFound("plugin", "未知的插件 " + id + "。已安装的插件：" + installedIds(catalog) + "。" + searchedFolders(catalog.folders()) + "。");
            refuseParentFolder(*p, request.dataFolder, catalog);
            work.emplace_back(p, request.dataFolder);
        }
    } else {
        std::vector<std::string> ids = request.pluginIds;
        if (ids.empty())
            for (const auto& p : catalog.plugins()) ids.push_back(p.id);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        for (const auto& id : ids) {
            plugins::PluginEntry* p = catalog.find(id);
            const auto folder = request.dataFolder / id;
            if (!std::filesystem::is_directory(folder, ec)) {
                if (request.notice) request.notice("[" + id + "] 没有数据目录 " + folder.string() + "，已跳过");
                continue;
            }
            if (!p)
                throw NotFound("plugin", "未知的插件 " + id + "。已安装的插件：" + installedIds(catalog) + "。" + searchedFolders(catalog.folders()) + "。");
            work.emplace_back(p, folder);
        }
        if (work.empty())
            throw UserError("数据目录 " + request.dataFolder.string() + " 下没有任何插件的子目录。检查全部插件需要 <数据目录>/<插件编号>/，已安装的插件：" +
                                installedIds(catalog) + "。",
                            {"check.all", ""});
    }

    CheckReport report;
    report.asOf = request.asOf;
    size_t contributing = 0;  // plugins whose findings were adopted
    for (auto& [plugin, folder] : work) {
        report.plugins.push_back(checkOne(*plugin, folder, request, work.size() > 1));
        tell(request.progress, WorkPhase::Checking, report.plugins.size(), work.size(), WorkItems::Plugins);
        // Moved, not copied (the first plugin's as a whole): a large check holds hundreds of
        // thousands of findings. A failed plugin's partial findings are not adopted.
        PluginCheck& check = report.plugins.back();
        if (check.ok) {
            ++contributing;
            report.findings.append(std::move(check.findings));
        }
        check.findings.clear();
    }
    // Each plugin's findings are ordered and the plugins run in id order, so this rarely sorts.
    if (contributing > 1) {
        const plugins::FindingArena& all = report.findings;
        for (size_t i = 1; i < all.size(); ++i)
            if (plugins::findingOrder(all[i], all[i - 1])) {
                report.findings.reorder(plugins::outputOrder(all));  // stable: equal findings keep their order
                break;
            }
    }
    return report;
}

namespace {

[[noreturn]] void throwUnknownRound(const std::string& roundCode) {
    throw roundNotFound(roundCode);
}

}  // namespace

std::vector<std::string> pluginsToRecord(store::Database& db, const Actor& actor, const std::string& roundCode,
                                         const std::vector<std::string>& requested) {
    const auto round = store::findRoundByCode(db, roundCode);
    if (!round || !canAccessRound(db, actor, *round, Access::Read)) throwUnknownRound(roundCode);
    requireRoundAccess(db, actor, *round, Access::Write, "记录检查发现的疑似问题");
    std::string enabled;
    for (const auto& id : round->plugins) enabled += (enabled.empty() ? "" : "、") + id;
    if (round->plugins.empty())
        throw UserError("巡察轮次 " + roundCode + " 没有启用任何检查插件，检查结果不能记录到该轮次。");
    for (const auto& id : requested)
        if (std::find(round->plugins.begin(), round->plugins.end(), id) == round->plugins.end())
            throw UserError("检查插件 " + id + " 未在巡察轮次 " + roundCode + " 中启用，其结果不能记录到该轮次。本轮启用的插件：" + enabled + "。");
    return requested.empty() ? round->plugins : requested;
}

RecordedChecks recordCheck(store::Database& db, const Actor& actor, const std::string& roundCode, CheckReport&& report,
                           const ProgressSink* progress) {
    std::map<std::string, const plugins::PluginMetadata*, std::less<>> metadataOf;
    CheckRunInfo run;
    run.asOf = report.asOf;
    for (const auto& plugin : report.plugins) {
        if (!plugin.ok || !plugin.metadata) continue;
        metadataOf[plugin.pluginId] = plugin.metadata;
        run.plugins.push_back({plugin.pluginId, plugin.dataDigest, plugin.rowsRead});
    }
    // Read in place: an owned copy of every finding would double the memory a heavy check holds.
    const ArenaCheckFindings findings(report.findings, metadataOf);
    tell(progress, WorkPhase::Recording, 0, report.findings.size(), WorkItems::Findings);
    RecordedChecks recorded = recordCheckFindings(db, actor, roundCode, findings, run, progress);
    report.findings.clear();
    return recorded;
}

}  // namespace patrol::services
