#include "core/store/migrations.hpp"

#include <string>

#include "core/domain/errors.hpp"
#include "core/store/database.hpp"
#include "core/store/schema_sql.hpp"
#include "core/store/transaction.hpp"

namespace patrol::store {

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list = {
        {1, "units, users, rounds, findings, clues, rectification, evidence, audit log", kSchemaV1},
        {2, "notices of escalation; indexes for audit and finding look-ups", kSchemaV2},
        {3, "unit heads; dates of task and extension events; reasons of denied extensions", kSchemaV3},
        {4, "sign-in: token look-up, passwords, sessions, failed sign-ins", kSchemaV4},
        {5, "evidence found by the finding or task it proves (attachments of findings)", kSchemaV5},
        {6, "rectification tasks in the order of the task list (most urgent first)", kSchemaV6},
        {7, "a version of the records alone, moved by triggers (not by sign-ins and sessions)", kSchemaV7},
        {8, "findings recorded in bulk: one audit event per check run and a digest per finding", kSchemaV8},
        {9, "progress reports and extension requests found by their task", kSchemaV9},
        {10, "escalations recorded in bulk: one audit event per run and a compact record per rise", kSchemaV10},
    };
    return list;
}

int currentSchemaVersion() { return migrations().back().version; }

namespace {

struct FileIdentity {
    int64_t applicationId;
    int version;
    int64_t objectCount;
};

// Read in one statement, so from one snapshot of the file: read one at a time, another
// connection creating the database could commit between them, and a file seen as not yet a
// patrol database (application_id 0) yet already holding tables was refused as a foreign one.
FileIdentity identify(Database& db) {
    auto read = db.prepare(
        "SELECT (SELECT application_id FROM pragma_application_id()), (SELECT user_version FROM pragma_user_version()), "
        "(SELECT count(*) FROM sqlite_master)");
    read.step();
    FileIdentity id{};
    id.applicationId = read.integer(0);
    id.version = static_cast<int>(read.integer(1));
    id.objectCount = read.integer(2);
    return id;
}

// Refuses files that are not patrol databases or are newer than this program.
bool needsMigration(const Database& db, const FileIdentity& id, int target) {
    const bool fresh = id.applicationId == 0 && id.version == 0 && id.objectCount == 0;
    if (!fresh && id.applicationId != kApplicationId)
        throw UserError("文件 " + db.path() + " 是 SQLite 数据库，但不是 patrol 数据库（application_id=" +
                        std::to_string(id.applicationId) + "）。请指定 patrol 数据库，或新建一个数据库。",
                        {"database.choose", ""});
    if (id.version > currentSchemaVersion())
        throw UserError("数据库 " + db.path() + " 的结构版本为 v" + std::to_string(id.version) + "，而本程序只支持到 v" +
                        std::to_string(currentSchemaVersion()) + "：它由更新版本的 patrol 创建。请升级 patrol 后再打开它。");
    return id.version < target;
}

}  // namespace

int migrateToCurrent(Database& db, int upToVersion) {
    const int target = upToVersion > 0 ? upToVersion : currentSchemaVersion();
    const FileIdentity before = identify(db);
    if (!needsMigration(db, before, target)) return before.version;
    Transaction tx(db);
    // Another process may have migrated while this one waited for the lock.
    const FileIdentity id = identify(db);
    if (!needsMigration(db, id, target)) return id.version;
    if (id.version == 0) db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    for (const Migration& m : migrations()) {
        if (m.version <= id.version || m.version > target) continue;
        db.exec(std::string(m.sql));
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
    }
    tx.commit();
    return id.version;
}

}  // namespace patrol::store
