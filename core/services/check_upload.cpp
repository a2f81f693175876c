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
#include "core/services/zip_unpack.hpp"

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

bool endsWith(const std::string& name, const std::string& extension) {
    if (name.size() <= extension.size()) return false;
    std::string tail = name.substr(name.size() - extension.size());
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
    return tail == extension;
}
bool endsWithCsv(const std::string& name) { return endsWith(name, ".csv"); }
bool endsWithZip(const std::string& name) { return endsWith(name, ".zip"); }

int64_t positiveSetting(const Settings& settings, const std::string& key) {
    const int64_t value = settings.integer(key);
    if (value < 1) throw UserError("配置项 " + key + " 应为正整数，实际为 " + std::to_string(value) + "。请管理员修改配置文件。");
    return value;
}

ZipLimits zipLimits(const Settings& settings) {
    return {positiveSetting(settings, "check.zip_max_entries"), positiveSetting(settings, "check.zip_max_unpacked_bytes")};
}

// The names the files will have in the folder: the plugins find their tables by file name.
std::vector<std::string> checkedNames(const std::vector<UploadedDataFile>& files) {
    if (files.empty())
        throw InvalidInput("file", "数据文件", "不能为空：请选择一个或多个 CSV 台账文件（文件名须与数据规范中的文件名一致）。");
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const auto& f : files) {
        const std::string name = evidenceOriginalName(f.fileName);
        if (endsWithZip(name) && files.size() == 1) return {name};
        if (endsWithZip(name))
            throw InvalidInput("file", "数据文件", "「" + name + "」是压缩包，但同时还选择了其他文件：压缩包应单独上传。请只选这一个压缩包，或只选 CSV 文件。");
        if (!endsWithCsv(name))
            throw InvalidInput("file", "数据文件", "「" + name + "」不是 CSV 文件：只接受扩展名为 .csv 的台账文件或装有这些文件的 .zip 压缩包。请另存为 CSV（UTF-8 或 GBK）后再上传。");
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

    const auto tell = [&upload](CheckPhase phase, size_t done, size_t total) {
        const WorkItems items = phase == CheckPhase::Reading ? WorkItems::Files : phase == CheckPhase::Checking ? WorkItems::Plugins : WorkItems::Findings;
        if (upload.progress) upload.progress({phase, done, total, items});
    };

    CheckUploadResult result;
    // The archive (if any) stays beside the data folder the plugins read, never inside it.
    const PrivateFolder privateFolder;
    const fs::path dataFolder = privateFolder.path() / "data";
    fs::create_directory(dataFolder);
    const bool zipped = names.size() == 1 && endsWithZip(names[0]);
    if (zipped) {
        const ZipLimits limits = zipLimits(settings);
        const fs::path archive = privateFolder.path() / "upload.zip";
        if (upload.files[0].content == nullptr) throw InternalError("uploaded data file without a stream");
        writeInto(archive, *upload.files[0].content);
        tell(CheckPhase::Reading, 0, 0);
        result.files = unpackCsvZip(archive, names[0], dataFolder, limits,
                                    [&](size_t done, size_t total) { tell(CheckPhase::Reading, done, total); });
        fs::remove(archive);
    } else {
        for (size_t i = 0; i < names.size(); ++i) {
            if (upload.files[i].content == nullptr) throw InternalError("uploaded data file without a stream");
            writeInto(dataFolder / names[i], *upload.files[i].content);
            tell(CheckPhase::Reading, i + 1, names.size());
        }
        result.files = names;
    }
    std::sort(result.files.begin(), result.files.end());
    const fs::path& folderPath = dataFolder;

    const LoadedCalendar calendar = loadCalendar(settings, std::nullopt);
    CheckRequest request;
    request.pluginIds = pluginIds;
    request.dataFolder = folderPath;
    request.asOf = upload.asOf.value_or(localToday());
    request.calendar = &calendar.calendar;
    request.isolate = settings.flag("plugins.isolate");
    request.timeoutSeconds = timeoutSeconds(settings);
    request.limits = readLimits(settings);
    request.settingOverrides = [&settings](const std::string& id) { return pluginSettingOverrides(settings, id); };
    request.notice = [&](const std::string& line) { result.notices.push_back(withoutFolder(line, folderPath)); };
    request.progress = &upload.progress;  // the plugins as each one ends, as `patrol check` shows them
    result.asOf = request.asOf;

    plugins::PluginCatalog catalog = plugins::PluginCatalog::discover(pluginFolders(settings));
    CheckReport report;
    tell(CheckPhase::Checking, 0, pluginIds.size());
    try {
        report = runCheck(catalog, request);
    } catch (const UserError& e) {
        const std::string message = e.what();
        if (message.find(folderPath.string()) == std::string::npos) throw;
        throw UserError(withoutFolder(message, folderPath), e.next());
    }
    for (const auto& p : report.plugins) {
        UploadedPluginRun run{p.pluginId, p.ok, p.error, p.rowsRead, p.rowsRejected, p.skippedRules, 0};
        run.findings = static_cast<size_t>(std::count_if(report.findings.begin(), report.findings.end(),
                                                         [&](const plugins::FindingView& f) { return f.plugin == p.pluginId; }));
        result.plugins.push_back(std::move(run));
    }
    result.findings = report.findings.size();
    tell(CheckPhase::Recording, 0, result.findings);
    result.recorded = recordCheck(db, actor, upload.roundCode, std::move(report), &upload.progress);
    tell(CheckPhase::Finished, result.findings, result.findings);
    return result;
}

}  // namespace patrol::services
