#include "core/services/open_database.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>

#include "core/data/file_text.hpp"
#include "core/services/file_copy.hpp"
#include "core/services/settings.hpp"

namespace patrol::services {

namespace fs = std::filesystem;

DatabaseNotFound::DatabaseNotFound(const std::string& path)
    : UserError("数据库 " + path + " 不存在。请先创建数据库，或检查路径。"), path_(path) {}

store::Database openDatabase(const std::string& path, int busyTimeoutMs, IfMissing ifMissing) {
    std::error_code ec;
    // SQLite would report /dev/null or a folder as a disk I/O error; say what the path is instead.
    if (struct stat st {}; ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw UserError("数据库路径 " + path + " 是" + data::specialFileKind(st.st_mode) +
                        "，不是数据库文件。请指定一个 patrol 数据库文件。");
    if (ifMissing == IfMissing::Refuse) {
        if (!fs::exists(path, ec)) throw DatabaseNotFound(path);
        // Without SQLITE_OPEN_CREATE: a file removed since the check is not silently recreated.
        try {
            return store::Database::open(path, {busyTimeoutMs, 0, false});
        } catch (const UserError&) {
            if (!fs::exists(path, ec)) throw DatabaseNotFound(path);
            throw;
        }
    }
    const auto folder = fs::path(path).parent_path();
    if (!folder.empty() && !fs::exists(folder, ec)) {
        // Private to its owner: the database holds findings, clues and people's names.
        ec = createPrivateFolders(folder);
        if (ec)
            throw UserError("无法创建数据库所在目录 " + folder.string() + "：" + ec.message() +
                            "。请检查权限，或指定其他位置。", {"database.choose", ""});
    }
    return store::Database::open(path, {busyTimeoutMs, 0, true});
}

int busyTimeoutMs(const Settings& settings) {
    const int64_t timeout = settings.integer("database.busy_timeout_ms");
    if (timeout < 0 || timeout > 3600000)
        throw UserError("设置 database.busy_timeout_ms 的值 " + std::to_string(timeout) + " 超出范围：应为 0 到 3600000 毫秒。");
    return static_cast<int>(timeout);
}

store::Database openDatabase(const Settings& settings, IfMissing ifMissing) {
    return openDatabase(settings.databasePath(), busyTimeoutMs(settings), ifMissing);
}

}  // namespace patrol::services
