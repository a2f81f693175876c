#include "core/store/progress_repository.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

int64_t insertProgress(Database& db, const ProgressRecord& p) {
    db.prepare("INSERT INTO progress_reports (task_id, author_id, author, reported_on, percent, narrative, review) "
               "VALUES (?,?,?,?,?,?,?)")
        .bindAll(p.taskId, p.authorId, p.author, p.reportedOn, p.percent, p.narrative, p.review)
        .run();
    return db.lastInsertId();
}

namespace {

constexpr const char* kProgressSelect = "SELECT id, task_id, author_id, author, reported_on, percent, narrative, review ";

ProgressRecord readProgress(const Statement& st) {
    ProgressRecord p;
    p.id = st.integer(0);
    p.taskId = st.integer(1);
    p.authorId = st.optionalInteger(2);
    p.author = st.text(3);
    p.reportedOn = st.text(4);
    p.percent = st.integer(5);
    p.narrative = st.text(6);
    p.review = st.optionalText(7);
    return p;
}

}  // namespace

std::vector<ProgressRecord> listProgress(Database& db, int64_t taskId) {
    auto st = db.prepare(std::string(kProgressSelect) + "FROM progress_reports WHERE task_id = ? ORDER BY id");
    return st.bindAll(taskId).collect(readProgress);
}

std::map<int64_t, ProgressRecord> latestProgressOfTasks(Database& db) {
    std::map<int64_t, ProgressRecord> latest;
    // Ordered so that each task's latest report (by date, then by entry) comes last and stays.
    auto st = db.prepare(std::string(kProgressSelect) + "FROM progress_reports ORDER BY task_id, reported_on, id");
    for (auto& p : st.collect(readProgress)) latest[p.taskId] = std::move(p);
    return latest;
}

}  // namespace patrol::store
