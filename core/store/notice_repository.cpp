#include "core/store/notice_repository.hpp"

#include "core/store/audited_rows.hpp"
#include "core/store/batched_insert.hpp"
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

int64_t insertNotice(Database& db, const NoticeRecord& n) {
    db.prepare("INSERT INTO notices (task_id, level, recipients, message, as_of, created_at) VALUES (?,?,?,?,?,?)")
        .bindAll(n.taskId, n.level, n.recipients, n.message, n.asOf, utcTimestampNow())
        .run();
    return db.lastInsertId();
}

int64_t nextNoticeId(Database& db) {
    auto st = db.prepare("SELECT coalesce(max(id), 0) + 1 FROM notices");
    st.step();
    return st.integer(0);
}

void insertNotices(Database& db, const std::vector<const NoticeRecord*>& notices) {
    BatchedInsert inserts(db, "INSERT INTO notices (id, task_id, level, recipients, message, as_of, created_at) VALUES ",
                          "(?,?,?,?,?,?,?)");
    size_t done = 0;
    while (done < notices.size()) {
        const auto [insert, count] = inserts.next(notices.size() - done);
        for (size_t i = 0; i < count; ++i) {
            const NoticeRecord& n = *notices[done + i];
            const int at = static_cast<int>(i) * 7;
            insert.bind(at + 1, n.id).bind(at + 2, n.taskId).bind(at + 3, n.level).bind(at + 4, n.recipients);
            insert.bind(at + 5, n.message).bind(at + 6, n.asOf).bind(at + 7, n.createdAt);
        }
        insert.run();
        done += count;
    }
}

StoredRow noticeStoredRow(const NoticeRecord& n) {
    const auto text = [](const std::string& t) { return StoredValue{StoredValue::Type::Text, 0, 0, t}; };
    const auto integer = [](int64_t i) { return StoredValue{StoredValue::Type::Integer, i, 0, {}}; };
    StoredRow row;
    row.columns = {{"id", integer(n.id)},
                   {"task_id", n.taskId ? integer(*n.taskId) : StoredValue{}},
                   {"level", text(n.level)},
                   {"recipients", text(n.recipients)},
                   {"message", text(n.message)},
                   {"as_of", text(n.asOf)},
                   {"created_at", text(n.createdAt)}};
    return row;
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
