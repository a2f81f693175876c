#include "core/store/notice_repository.hpp"

#include "core/store/clock.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

int64_t insertNotice(Database& db, const NoticeRecord& n) {
    db.prepare("INSERT INTO notices (task_id, level, recipients, message, as_of, created_at) VALUES (?,?,?,?,?,?)")
        .bindAll(n.taskId, n.level, n.recipients, n.message, n.asOf, utcTimestampNow())
        .run();
    return db.lastInsertId();
}

std::vector<NoticeRecord> listNotices(Database& db, std::optional<int64_t> taskId) {
    std::string sql = "SELECT id, task_id, level, recipients, message, as_of, created_at FROM notices";
    if (taskId) sql += " WHERE task_id = ?";
    sql += " ORDER BY id";
    auto st = db.prepare(sql);
    if (taskId) st.bind(1, *taskId);
    std::vector<NoticeRecord> out;
    while (st.step()) {
        NoticeRecord n;
        n.id = st.integer(0);
        n.taskId = st.optionalInteger(1);
        n.level = st.text(2);
        n.recipients = st.text(3);
        n.message = st.text(4);
        n.asOf = st.text(5);
        n.createdAt = st.text(6);
        out.push_back(std::move(n));
    }
    return out;
}

}  // namespace patrol::store
