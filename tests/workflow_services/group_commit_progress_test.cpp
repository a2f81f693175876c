// Progress reports committed in a group (store/group_commit.hpp, as `patrol serve` does) store
// the same rows and audit events and give the same answers and refusals as the plain path, one
// transaction per report, including a refused report in the middle of a batch.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/services/task_audit.hpp"
#include "core/services/task_service.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/group_commit.hpp"
#include "core/store/task_repository.hpp"
#include "world.hpp"

namespace {

struct Report {
    const Actor* by;
    int64_t task;
    ProgressInput input;
};

// One county, two fed-back tasks with measures: a report may follow.
struct Reporting {
    World w;
    int64_t taskA = 0, taskB = 0;
    int64_t eventsBefore = 0;  // the set-up's events carry the moment of set-up; not compared
    Reporting() {
        w.round("R1", "2026-01-05");
        const int64_t a = w.finding("R1", "UA", "四风");
        const int64_t b = w.finding("R1", "UB", "资金");
        w.feedBack("R1", "2026-02-12");
        taskA = taskOfFinding(a);
        taskB = taskOfFinding(b);
        planTask(w.db, w.unitA, taskA, "清退款项", "李明", "王强", day("2026-02-13"));
        planTask(w.db, w.unitB, taskB, "修订制度", "赵六", "钱七", day("2026-02-13"));
        auto last = w.db.prepare("SELECT max(id) FROM audit_events");
        last.step();
        eventsBefore = last.integer(0);
    }
    int64_t taskOfFinding(int64_t finding) {
        store::TaskQuery q;
        q.findingId = finding;
        return store::listTasks(w.db, q).at(0).id;
    }
    std::vector<Report> reports() {
        return {
            {&w.unitA, taskA, {30, "已退还部分款项", {}, day("2026-02-20")}},
            {&w.unitB, taskA, {40, "不是本单位的任务", {}, day("2026-02-20")}},  // hidden: refused as missing
            {&w.unitB, taskB, {50, "制度草案已起草", {}, day("2026-02-21")}},
            {&w.unitA, taskA, {60, "日期早于上次报告", {}, day("2026-02-14")}},  // refused: before the last report
            {&w.unitA, taskA, {101, "超过百分之百", {}, day("2026-02-22")}},     // refused: invalid input
            {&w.unitA, taskA, {80, "款项全部退还", {}, day("2026-02-22")}},
        };
    }
    EvidenceStore evidence() { return EvidenceStore((w.dir / "data").string(), w.settings.evidenceMaxBytes); }
};

std::string answerText(const store::TaskRecord& t) {
    std::ostringstream out;
    taskJson(t)->stringify(out);
    return out.str();
}

std::string outcomeText(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const UserError& x) {
        return "refused " + std::to_string(static_cast<int>(x.kind())) + ": " + x.what();
    }
}

// What a report leaves behind, without the moment of writing (audit time and hashes).
std::string storedRows(store::Database& db, int64_t eventsBefore) {
    std::string rows;
    auto reports = db.prepare("SELECT id, task_id, author, reported_on, percent, narrative FROM progress_reports ORDER BY id");
    while (reports.step())
        for (int c = 0; c < 6; ++c) rows += reports.text(c) + (c == 5 ? "\n" : "|");
    auto tasks = db.prepare("SELECT id, status FROM rectification_tasks ORDER BY id");
    while (tasks.step()) rows += "task " + tasks.text(0) + " " + tasks.text(1) + "\n";
    auto events = db.prepare("SELECT id, actor, action, entity, entity_id, coalesce(before_json, ''), coalesce(after_json, '') "
                             "FROM audit_events WHERE id > ? ORDER BY id");
    events.bind(1, eventsBefore);
    while (events.step())
        for (int c = 0; c < 7; ++c) rows += events.text(c) + (c == 6 ? "\n" : "|");
    return rows;
}

}  // namespace

TEST_CASE("progress reports committed in one group equal one transaction per report, refusals included", "[group-commit]") {
    Reporting plain, grouped;
    const auto plainEvidence = plain.evidence();
    std::vector<std::string> plainOutcomes;
    for (const auto& r : plain.reports()) {
        try {
            plainOutcomes.push_back(answerText(reportProgress(plain.w.db, *r.by, r.task, r.input, plainEvidence)));
        } catch (...) {
            plainOutcomes.push_back(outcomeText(std::current_exception()));
        }
    }

    const auto groupedEvidence = grouped.evidence();
    const auto reports = grouped.reports();
    std::vector<std::optional<store::TaskRecord>> answers(reports.size());
    std::vector<store::GroupCommit::Write> writes;
    for (size_t i = 0; i < reports.size(); ++i)
        writes.push_back([&, i](store::Database& db) {
            answers[i] = reportProgress(db, *reports[i].by, reports[i].task, reports[i].input, groupedEvidence);
        });
    std::vector<const store::GroupCommit::Write*> batch;
    for (const auto& w : writes) batch.push_back(&w);
    const auto refusals = store::GroupCommit::commitTogether(grouped.w.db, batch);
    std::vector<std::string> groupedOutcomes;
    for (size_t i = 0; i < reports.size(); ++i)
        groupedOutcomes.push_back(refusals[i] ? outcomeText(refusals[i]) : answerText(*answers[i]));

    CHECK(groupedOutcomes == plainOutcomes);
    // The refusals are those expected, so the comparison covers refused reports inside a batch.
    CHECK(plainOutcomes[1] == "refused 1: 整改任务 #" + std::to_string(plain.taskA) + " 不存在。");
    CHECK(plainOutcomes[3] == "refused 0: 进展报告日期 2026-02-14 早于进展报告日期 2026-02-20：进展报告不能早于进展报告。请填写 2026-02-20 或之后的日期。");
    CHECK(plainOutcomes[4] == "refused 0: 整改进度应为 0 到 100 之间的整数，实际为 101。");
    CHECK(plainOutcomes[5].find("\"status\":\"in_progress\"") != std::string::npos);
    REQUIRE(grouped.eventsBefore == plain.eventsBefore);
    CHECK(storedRows(grouped.w.db, grouped.eventsBefore) == storedRows(plain.w.db, plain.eventsBefore));
    CHECK(store::verifyAuditChain(grouped.w.db).problem.empty());
}
