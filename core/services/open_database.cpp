#include "core/services/open_database.hpp"

#include <filesystem>
#include <system_error>

#include "core/domain/errors.hpp"
#include "core/services/settings.hpp"

namespace patrol::services {

store::Database openDatabase(const std::string& path, int busyTimeoutMs) {
    const auto folder = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!folder.empty() && !std::filesystem::exists(folder, ec)) {
        std::filesystem::create_directories(folder, ec);
        if (ec)
            throw UserError("无法创建数据库所在目录 " + folder.string() + "：" + ec.message() +
                            "。请检查权限，或用 --db 指定其他位置。");
    }
    return store::Database::open(path, {busyTimeoutMs, 0});
}

store::Database openDatabase(const Settings& settings) {
    const int64_t timeout = settings.integer("database.busy_timeout_ms");
    if (timeout < 0 || timeout > 3600000)
        throw UserError("设置 database.busy_timeout_ms 的值 " + std::to_string(timeout) + " 超出范围：应为 0 到 3600000 毫秒。");
    return openDatabase(settings.databasePath(), static_cast<int>(timeout));
}

}  // namespace patrol::services
