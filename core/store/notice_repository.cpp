#include "core/store/notice_repository.hpp"

#include "core/store/clock.hpp"
#include "core/store/conditions.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

namespace {

// Left joins: a notice need not name a task.
constexpr const char* kNoticeSelect =
    "SELECT n.id, n.task_id, n.level, n.recipients, n.message, n.as_of, n.created_at, t.finding_id, f.round_id, r.code, "
    "f.unit_id, u.code, u.name FROM notices n LEFT JOIN rectification_tasks t ON t.id = n.task_id "
    "LEFT JOIN findings f ON f.id = t.finding_id LEFT JOIN rounds r ON r.id = f.round_id "
    "LEFT JOIN units u ON u.id = f.unit_id ";

NoticeRecord readNotice(const Statement& st) {
    NoticeRecord n;
    n.id = st.integer(0);
    n.taskId = st.optionalInteger(1);
    n.level = st.text(2);
    n.recipients = st.text(3);
    n.message = st.text(4);
    n.asOf = st.text(5);
    n.createdAt = st.text(6);
    n.findingId = st.optionalInteger(7);
    n.roundId = st.optionalInteger(8);
    n.roundCode = st.optionalText(9);
    n.unitId = st.optionalInteger(10);
    n.unitCode = st.optionalText(11);
    n.unitName = st.optionalText(12);
    return n;
}

}  // namespace

int64_t insertNotice(Database& db, const NoticeRecord& n) { return insertNotice(db, n, utcTimestampNow()); }

int64_t insertNotice(Database& db, const NoticeRecord& n, const std::string& createdAt) {
    db.prepare(kInsertNoticeSql).bindAll(n.taskId, n.level, n.recipients, n.message, n.asOf, createdAt).run();
    return db.lastInsertId();
}

int64_t insertNotice(Database& db, Statement& insert, const NoticeRecord& n) {
    insert.bindAll(n.taskId, n.level, n.recipients, n.message, n.asOf, n.createdAt).run();
    return db.lastInsertId();
}

std::vector<NoticeRecord> listNotices(Database& db, const NoticeQuery& q) {
    return Conditions()
        .when(q.taskId, "n.task_id = ?")
        .when(q.roundId, "f.round_id = ?")
        .when(q.unitId, "f.unit_id = ?")
        .when(q.level, "n.level = ?")
        .when(q.since, "n.as_of >= ?")
        .prepare(db, kNoticeSelect, "ORDER BY n.id")
        .collect(readNotice);
}

}  // namespace patrol::store
