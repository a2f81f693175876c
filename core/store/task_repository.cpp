#include "core/store/task_repository.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

namespace {

constexpr const char* kSelect =
    "SELECT t.id, t.finding_id, f.title, f.category, f.round_id, r.code, f.unit_id, u.code, u.name, t.kind, "
    "t.measure, t.handler, t.leader, t.assigned_on, t.due_date, t.status, t.level, t.returned_count, t.accepted_on, "
    "t.verification_note "
    "FROM rectification_tasks t JOIN findings f ON f.id = t.finding_id JOIN rounds r ON r.id = f.round_id "
    "JOIN units u ON u.id = f.unit_id ";

TaskRecord readTask(const Statement& st) {
    TaskRecord t;
    t.id = st.integer(0);
    t.findingId = st.integer(1);
    t.findingTitle = st.text(2);
    t.category = st.text(3);
    t.roundId = st.integer(4);
    t.roundCode = st.text(5);
    t.unitId = st.integer(6);
    t.unitCode = st.text(7);
    t.unitName = st.text(8);
    t.kind = st.text(9);
    t.measure = st.optionalText(10);
    t.handler = st.optionalText(11);
    t.leader = st.optionalText(12);
    t.assignedOn = st.text(13);
    t.dueDate = st.text(14);
    t.status = st.text(15);
    t.level = st.text(16);
    t.returnedCount = st.integer(17);
    t.acceptedOn = st.optionalText(18);
    t.verificationNote = st.optionalText(19);
    return t;
}

}  // namespace

int64_t insertTask(Database& db, const NewTask& t) {
    db.prepare("INSERT INTO rectification_tasks (finding_id, kind, assigned_on, due_date) VALUES (?,?,?,?)")
        .bindAll(t.findingId, t.kind, t.assignedOn, t.dueDate)
        .run();
    return db.lastInsertId();
}

std::optional<TaskRecord> findTaskById(Database& db, int64_t id) {
    auto st = db.prepare(std::string(kSelect) + "WHERE t.id = ?");
    st.bindAll(id);
    if (!st.step()) return std::nullopt;
    return readTask(st);
}

std::vector<TaskRecord> listTasks(Database& db, const TaskQuery& q) {
    std::string sql = std::string(kSelect) + "WHERE 1=1";
    if (q.roundId) sql += " AND f.round_id = ?";
    if (q.unitId) sql += " AND f.unit_id = ?";
    if (q.findingId) sql += " AND t.finding_id = ?";
    if (q.status) sql += " AND t.status = ?";
    if (q.level) sql += " AND t.level = ?";
    if (q.openOnly) sql += " AND t.status <> 'accepted'";
    sql += " ORDER BY t.id";
    auto st = db.prepare(sql);
    int index = 0;
    if (q.roundId) st.bind(++index, *q.roundId);
    if (q.unitId) st.bind(++index, *q.unitId);
    if (q.findingId) st.bind(++index, *q.findingId);
    if (q.status) st.bind(++index, *q.status);
    if (q.level) st.bind(++index, *q.level);
    std::vector<TaskRecord> out;
    while (st.step()) out.push_back(readTask(st));
    return out;
}

void updateTask(Database& db, const TaskRecord& t) {
    db.prepare("UPDATE rectification_tasks SET measure = ?, handler = ?, leader = ?, due_date = ?, status = ?, "
               "level = ?, returned_count = ?, accepted_on = ?, verification_note = ? WHERE id = ?")
        .bindAll(t.measure, t.handler, t.leader, t.dueDate, t.status, t.level, t.returnedCount, t.acceptedOn,
                 t.verificationNote, t.id)
        .run();
}

}  // namespace patrol::store
