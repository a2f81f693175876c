#include "core/store/sqlite_failure.hpp"

#include <sqlite3.h>

#include "core/domain/errors.hpp"

namespace patrol::store {

void throwSqliteFailure(sqlite3* db, int rc, const std::string& doing) {
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const std::string path = db && sqlite3_db_filename(db, "main") ? sqlite3_db_filename(db, "main") : "";
    switch (rc & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            // What was being run stays out: the user can act on the wait, not on the SQL.
            throwLockedOut(path);
        case SQLITE_NOTADB:
            throw UserError("文件 " + path + " 不是 patrol 数据库（不是 SQLite 文件）。请指定正确的数据库文件，或新建一个数据库。",
                            {"database.choose", ""});
        case SQLITE_CANTOPEN:
            throw UserError("无法打开数据库文件 " + path + "：" + detail + "。请检查路径和目录的读写权限。");
        case SQLITE_READONLY:
            throw UserError("数据库文件 " + path + " 是只读的，无法写入。请检查文件权限。");
        case SQLITE_FULL:
            throw UserError("磁盘已满，无法写入数据库 " + path + "。请腾出空间后重试。");
        default:
            throw InternalError("SQLite error while " + doing + ": " + detail);
    }
}

void throwLockedOut(const std::string& path) {
    throw Busy("数据库 " + path + " 正被另一个 patrol 进程写入，在等待时限（设置 database.busy_timeout_ms）内没有释放，"
               "本次操作没有执行。请稍后重试，或调大该设置。");
}

}  // namespace patrol::store
