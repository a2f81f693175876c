#include "core/services/ledger.hpp"

#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/services/feedback.hpp"
#include "core/store/round_repository.hpp"


namespace patrol::services {

namespace {

const std::string& nameIn(const store::TaskRecord& task, std::string_view role) {
    return role == "leader" ? *task.leader : *task.handler;
}

// Each person named on a task, once per role, with the person's counts in the unit. The rows
// refer to their task; the counting keys are views of the tasks' own strings.
std::vector<ResponsiblePerson> responsibleOf(const std::vector<LedgerTask>& tasks, int32_t asOf) {
    struct Counts {
        int64_t open = 0, overdue = 0;
    };
    std::vector<ResponsiblePerson> rows;
    std::vector<const Counts*> countsOfRow;  // map nodes stay where they are
    std::map<std::pair<std::string_view, std::string_view>, Counts> counts;  // (unit, person)
    for (size_t k = 0; k < tasks.size(); ++k) {
        const auto& t = *tasks[k].task;
        const bool open = taskOpenOn(t, asOf);
        const bool overdue = open && *civil::parseDate(t.dueDate) < asOf;
        const std::string* counted = nullptr;
        for (const auto& [role, name] : {std::pair{"handler", &t.handler}, std::pair{"leader", &t.leader}}) {
            if (!*name || (*name)->empty()) continue;
            auto& c = counts[{t.unitCode, **name}];
            rows.push_back({k, role, 0, 0});
            countsOfRow.push_back(&c);
            // One person who is both handler and leader of a task has that task once.
            if (counted && *counted == **name) continue;
            counted = &**name;
            c.open += open ? 1 : 0;
            c.overdue += overdue ? 1 : 0;
        }
    }
    for (size_t r = 0; r < rows.size(); ++r) {
        rows[r].openTasks = countsOfRow[r]->open;
        rows[r].overdueTasks = countsOfRow[r]->overdue;
    }
    // Tasks come by id, so the task index orders a person's tasks by id.
    const auto key = [&](const ResponsiblePerson& p) {
        const auto& t = *tasks[p.task].task;
        return std::tuple<std::string_view, std::string_view, std::string_view, size_t>(t.unitCode, nameIn(t, p.role),
                                                                                        p.role, p.task);
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const ResponsiblePerson& a, const ResponsiblePerson& b) { return key(a) < key(b); });
    return rows;
}

}  // namespace

std::string responsibleRoleName(std::string_view role) { return role == "leader" ? "责任领导" : "责任人"; }

const std::string& personOf(const Ledger& ledger, const ResponsiblePerson& p) {
    return nameIn(*ledger.tasks[p.task].task, p.role);
}

Ledger readLedger(store::Database& db, const Actor& actor, const StatisticsQuery& query, const CategoryNames& names,
                  const WorkflowSettings& settings) {
    Ledger ledger;
    ledger.query = query;
    auto records = readStatisticsRecords(db, actor, query);
    ledger.statistics = statisticsOf(records, query, names);
    ledger.showsClues = records.clues.has_value();
    // The figures are computed; the records move into the lists (50,000 findings are not copied),
    // and the emptied shells are given back before the next list is built.
    std::erase_if(records.findings, [](const store::FindingRecord& f) { return !isFoundFinding(f.status); });
    ledger.findings = std::move(records.findings);
    std::map<std::string, size_t> roundOrder;
    for (const auto& r : records.rounds) {
        roundOrder.emplace(r.code, roundOrder.size());
        if (const auto due = rectificationReportDue(store::roundStageDates(db, r.id), settings)) ledger.reportDue[r.code] = *due;
    }
    // The lists mostly come in order already (one round, read by id): a merge sort would still
    // move every record of 50,000 about sixteen times, so it runs only when needed.
    const auto byRoundThenId = [&](const auto& a, const auto& b) {
        return std::pair(roundOrder[a.roundCode], a.id) < std::pair(roundOrder[b.roundCode], b.id);
    };
    if (!std::is_sorted(ledger.findings.begin(), ledger.findings.end(), byRoundThenId))
        std::stable_sort(ledger.findings.begin(), ledger.findings.end(), byRoundThenId);
    const auto progress = store::latestProgressOfTasks(db);
    ledger.taskRecords = std::move(records.tasks);
    ledger.tasks.reserve(ledger.taskRecords.size());
    for (const auto& t : ledger.taskRecords) {
        auto& row = ledger.tasks.emplace_back(&t);
        row.level = taskLevelOn(t, query.asOf);
        if (taskOpenOn(t, query.asOf)) row.daysLeft = *civil::parseDate(t.dueDate) - query.asOf;
        if (const auto it = progress.find(t.id); it != progress.end()) row.lastProgress = it->second;
    }
    const auto byId = [](const LedgerTask& a, const LedgerTask& b) { return a.task->id < b.task->id; };
    if (!std::is_sorted(ledger.tasks.begin(), ledger.tasks.end(), byId))
        std::stable_sort(ledger.tasks.begin(), ledger.tasks.end(), byId);
    ledger.responsible = responsibleOf(ledger.tasks, query.asOf);
    return ledger;
}

}  // namespace patrol::services
