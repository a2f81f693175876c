#include "core/store/task_repository.hpp"

#include "core/store/conditions.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

namespace {

constexpr const char* kTaskSelect =
    "SELECT t.id, t.finding_id, f.title, f.category, f.round_id, r.code, f.unit_id, u.code, u.name, t.kind, "
    "t.measure, t.handler, t.leader, t.assigned_on, t.due_date, t.status, t.level, t.returned_count, t.accepted_on, "
    "t.verification_note, t.planned_on, t.submitted_on, t.returned_on "
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
    t.plannedOn = st.optionalText(20);
    t.submittedOn = st.optionalText(21);
    t.returnedOn = st.optionalText(22);
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
    return db.prepare(std::string(kTaskSelect) + "WHERE t.id = ?").bindAll(id).first(readTask);
}

// `urgencyOrder`: for a page in listUrgentTasks's order. Then the unary plus keeps SQLite from
// reading a team's findings through their round index and sorting all their tasks for one page:
// it walks the tasks in urgency order instead (schema v6) and stops at the page's last row. A
// count or a list by id is best served the other way round.
Conditions conditionsOf(const TaskQuery& q, bool urgencyOrder = false) {
    Conditions c;
    c.when(q.roundId, "f.round_id = ?")
        .when(q.unitId, "f.unit_id = ?")
        .when(q.findingId, "t.finding_id = ?")
        .when(q.status, "t.status = ?")
        .when(q.level, "t.level = ?")
        .when(q.openOnly, "t.status <> 'accepted'")
        .when(q.dueBefore, "t.due_date < ?")
        .when(q.idFrom, "t.id >= ?")
        .when(q.idBelow, "t.id < ?")
        .when(q.teamMember, urgencyOrder ? "+f.round_id IN (SELECT round_id FROM round_team WHERE user_id = ?)"
                                         : "f.round_id IN (SELECT round_id FROM round_team WHERE user_id = ?)");
    return c;
}

std::vector<TaskRecord> listTasks(Database& db, const TaskQuery& q) {
    // Counted first so the list is allocated once: growing it would move every record of a
    // 50,000-task ledger about twice more and touch twice its memory (the count is a hint only).
    std::vector<TaskRecord> tasks;
    tasks.reserve(static_cast<size_t>(countTasks(db, q)));
    forEachTask(db, q, [&tasks](TaskRecord&& task) { tasks.push_back(std::move(task)); });
    return tasks;
}

void forEachTask(Database& db, const TaskQuery& q, const std::function<void(TaskRecord&&)>& take) {
    auto st = conditionsOf(q).prepare(db, kTaskSelect, "ORDER BY t.id");
    while (st.step()) take(readTask(st));
}

int64_t countTasks(Database& db, const TaskQuery& q) {
    // Every task has its finding (a foreign key): the join is read only when a condition is on the
    // finding, else the count comes from the smallest index of the tasks alone.
    const bool onFinding = q.roundId || q.unitId || q.teamMember;
    return conditionsOf(q)
        .prepare(db, onFinding ? "SELECT count(*) FROM rectification_tasks t JOIN findings f ON f.id = t.finding_id "
                               : "SELECT count(*) FROM rectification_tasks t ", "")
        .first([](const Statement& st) { return st.integer(0); })
        .value_or(0);
}

std::optional<std::pair<int64_t, int64_t>> taskIdBounds(Database& db) {
    // Two subqueries: SQLite reads a lone min() or max() from the end of the key, both in one
    // SELECT from every row.
    auto st = db.prepare("SELECT (SELECT min(id) FROM rectification_tasks), (SELECT max(id) FROM rectification_tasks)");
    st.step();
    if (st.isNull(0)) return std::nullopt;
    return std::pair{st.integer(0), st.integer(1)};
}

std::vector<TaskRecord> listUrgentTasks(Database& db, const TaskQuery& q, int64_t offset, int64_t limit) {
    // Both numbers are the caller's integers, not typed text: written into the SQL as digits.
    const std::string tail = "ORDER BY t.status = 'accepted', t.due_date, t.id LIMIT " + std::to_string(limit) +
                             " OFFSET " + std::to_string(offset);
    return conditionsOf(q, true).prepare(db, kTaskSelect, tail).collect(readTask);
}

void updateTask(Database& db, const TaskRecord& t) {
    db.prepare("UPDATE rectification_tasks SET measure = ?, handler = ?, leader = ?, due_date = ?, status = ?, "
               "level = ?, returned_count = ?, accepted_on = ?, verification_note = ?, planned_on = ?, submitted_on = ?, "
               "returned_on = ? WHERE id = ?")
        .bindAll(t.measure, t.handler, t.leader, t.dueDate, t.status, t.level, t.returnedCount, t.acceptedOn,
                 t.verificationNote, t.plannedOn, t.submittedOn, t.returnedOn, t.id)
        .run();
}

void setTasksLevel(Database& db, const std::string& level, const std::vector<int64_t>& ids) {
    db.prepare("UPDATE rectification_tasks SET level = ? WHERE id IN (SELECT value FROM json_each(?))")
        .bindAll(level, idArrayJson(ids))
        .run();
}

}  // namespace patrol::store
