#include "core/services/check_upload.hpp"

#include <patrol/sdk/civil.hpp>
#include <stdlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/domain/errors.hpp"
#include "core/services/calendar_loader.hpp"
#include "core/services/check_service.hpp"
#include "core/services/evidence_store.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/read_limits_setting.hpp"
#include "core/services/settings.hpp"

namespace patrol::services {

namespace fs = std::filesystem;

namespace {

// A folder only this process can read (mkdtemp: mode 0700), removed with everything in it.
class PrivateFolder {
public:
    PrivateFolder() {
        std::string pattern = (fs::temp_directory_path() / "patrol-check-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            throw InternalError("cannot create a temporary folder for uploaded data: " + std::string(std::strerror(errno)));
        path_ = pattern;
    }
    ~PrivateFolder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    PrivateFolder(const PrivateFolder&) = delete;
    PrivateFolder& operator=(const PrivateFolder&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

bool endsWithCsv(const std::string& name) {
    if (name.size() <= 4) return false;
    std::string tail = name.substr(name.size() - 4);
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
    return tail == ".csv";
}

// The names the files will have in the folder: the plugins find their tables by file name.
std::vector<std::string> checkedNames(const std::vector<UploadedDataFile>& files) {
    if (files.empty())
        throw InvalidInput("file", "数据文件", "不能为空：请选择一个或多个 CSV 台账文件（文件名须与数据规范中的文件名一致）。");
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const auto& f : files) {
        const std::string name = evidenceOriginalName(f.fileName);
        if (!endsWithCsv(name))
            throw InvalidInput("file", "数据文件", "「" + name + "」不是 CSV 文件：只接受扩展名为 .csv 的台账文件。请另存为 CSV（UTF-8 或 GBK）后再上传。");
        if (!seen.insert(name).second)
            throw InvalidInput("file", "数据文件", "「" + name + "」上传了两次：每个文件名只能出现一次。请去掉重复的文件。");
        names.push_back(name);
    }
    return names;
}

void writeInto(const fs::path& target, std::istream& in) {
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out) throw InternalError("cannot write " + target.string());
    char buffer[65536];
    while (in) {
        in.read(buffer, sizeof buffer);
        if (in.gcount() > 0 && !out.write(buffer, in.gcount())) throw InternalError("cannot write " + target.string());
    }
    if (in.bad()) throw UserError("读取上传的数据文件 " + target.filename().string() + " 时出错，内容没有完整收到；请重新上传。");
    out.close();
    if (!out) throw InternalError("cannot write " + target.string());
}

// Messages name the files as the user sent them, never the temporary folder they were put in.
std::string withoutFolder(std::string text, const fs::path& folder) {
    const std::string prefix = folder.string() + "/";
    for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) text.erase(at, prefix.size());
    for (size_t at = text.find(folder.string()); at != std::string::npos; at = text.find(folder.string(), at))
        text.replace(at, folder.string().size(), "上传的文件");
    return text;
}

int timeoutSeconds(const Settings& settings) {
    const int64_t timeout = settings.integer("plugins.timeout_seconds");
    if (timeout < 1 || timeout > 86400)
        throw UserError("配置项 plugins.timeout_seconds 应为 1 到 86400 之间的秒数，实际为 " + std::to_string(timeout) + "。");
    return static_cast<int>(timeout);
}

}  // namespace

CheckUploadResult checkUploadedFiles(store::Database& db, const Actor& actor, const Settings& settings,
                                     const CheckUpload& upload) {
    std::vector<std::string> requested;
    if (upload.plugin) requested.push_back(*upload.plugin);
    // Before anything is written: the round, the actor's right to record into it, its plugins.
    const auto pluginIds = pluginsToRecord(db, actor, upload.roundCode, requested);
    const auto names = checkedNames(upload.files);

    CheckUploadResult result;
    const PrivateFolder folder;
    for (size_t i = 0; i < names.size(); ++i) {
        if (upload.files[i].content == nullptr) throw InternalError("uploaded data file without a stream");
        writeInto(folder.path() / names[i], *upload.files[i].content);
    }
    result.files = names;
    std::sort(result.files.begin(), result.files.end());

    const LoadedCalendar calendar = loadCalendar(settings, std::nullopt);
    CheckRequest request;
    request.pluginIds = pluginIds;
    request.dataFolder = folder.path();
    request.asOf = upload.asOf.value_or(localToday());
    request.calendar = &calendar.calendar;
    request.isolate = settings.flag("plugins.isolate");
    request.timeoutSeconds = timeoutSeconds(settings);
    request.limits = readLimits(settings);
    request.settingOverrides = [&settings](const std::string& id) { return pluginSettingOverrides(settings, id); };
    request.notice = [&](const std::string& line) { result.notices.push_back(withoutFolder(line, folder.path())); };
    result.asOf = request.asOf;

    plugins::PluginCatalog catalog = plugins::PluginCatalog::discover(pluginFolders(settings));
    CheckReport report;
    try {
        report = runCheck(catalog, request);
    } catch (const UserError& e) {
        const std::string message = e.what();
        if (message.find(folder.path().string()) == std::string::npos) throw;
        throw UserError(withoutFolder(message, folder.path()), e.next());
    }
    for (const auto& p : report.plugins) {
        UploadedPluginRun run{p.pluginId, p.ok, p.error, p.rowsRead, p.rowsRejected, p.skippedRules, 0};
        run.findings = static_cast<size_t>(std::count_if(report.findings.begin(), report.findings.end(),
                                                         [&](const plugins::CheckFinding& f) { return f.plugin == p.pluginId; }));
        result.plugins.push_back(std::move(run));
    }
    result.findings = report.findings.size();
    result.recorded = recordCheck(db, actor, upload.roundCode, report);
    return result;
}

}  // namespace patrol::services
