#include "core/store/escalation_record.hpp"

#include "core/store/batched_insert.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

void EscalationRecordsDigest::add(const EscalationRecord& r) {
    // One line per record, every column but the event id (which the digest's own event is):
    // "notice:task:from:status:due:digest\n". Level and status codes and dates hold no ':'.
    std::string line = std::to_string(r.noticeId);
    line.append(":").append(std::to_string(r.taskId)).append(":").append(r.fromLevel);
    line.append(":").append(r.status).append(":").append(r.dueDate).append(":").append(r.rowsDigest).push_back('\n');
    sha_.update(line);
}

void insertEscalationRecords(Database& db, const std::vector<EscalationRecord>& records) {
    BatchedInsert inserts(db,
                          "INSERT INTO escalation_records (notice_id, event_id, task_id, from_level, status, due_date, "
                          "rows_digest) VALUES ",
                          "(?,?,?,?,?,?,?)");
    size_t done = 0;
    while (done < records.size()) {
        const auto [insert, count] = inserts.next(records.size() - done);
        for (size_t i = 0; i < count; ++i) {
            const auto& r = records[done + i];
            const int at = static_cast<int>(i) * 7;
            insert.bind(at + 1, r.noticeId).bind(at + 2, r.eventId).bind(at + 3, r.taskId).bind(at + 4, r.fromLevel);
            insert.bind(at + 5, r.status).bind(at + 6, r.dueDate).bind(at + 7, r.rowsDigest);
        }
        insert.run();
        done += count;
    }
}

namespace {

EscalationRecord escalationRecordAt(Statement& st) {
    return {st.integer(0), st.integer(1), st.integer(2), st.text(3), st.text(4), st.text(5), st.text(6)};
}

}  // namespace

std::vector<EscalationRecord> readEscalationRecords(Database& db) {
    std::vector<EscalationRecord> records;
    auto st = db.prepare(
        "SELECT notice_id, event_id, task_id, from_level, status, due_date, rows_digest FROM escalation_records "
        "ORDER BY notice_id");
    while (st.step()) records.push_back(escalationRecordAt(st));
    return records;
}

std::vector<RecordedRise> recordedRisesOfTask(Database& db, int64_t taskId) {
    std::vector<RecordedRise> rises;
    auto st = db.prepare(
        "SELECT r.notice_id, r.event_id, r.task_id, r.from_level, r.status, r.due_date, r.rows_digest, a.at, a.actor, "
        "n.level, n.as_of FROM escalation_records r JOIN audit_events a ON a.id = r.event_id "
        "JOIN notices n ON n.id = r.notice_id WHERE r.task_id = ? ORDER BY r.notice_id");
    st.bindAll(taskId);
    while (st.step()) rises.push_back({escalationRecordAt(st), st.text(7), st.text(8), st.text(9), st.text(10)});
    return rises;
}

}  // namespace patrol::store
