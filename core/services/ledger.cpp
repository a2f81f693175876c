#include "core/services/ledger.hpp"

#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/services/feedback.hpp"
#include "core/store/round_repository.hpp"


namespace patrol::services {

namespace {

// Each person named on a task, once per role, with the person's counts in the unit.
std::vector<ResponsiblePerson> responsibleOf(const std::vector<LedgerTask>& tasks, int32_t asOf) {
    std::vector<ResponsiblePerson> rows;
    std::map<std::pair<std::string, std::string>, std::pair<int64_t, int64_t>> counts;  // (unit, person) -> open, overdue
    for (size_t k = 0; k < tasks.size(); ++k) {
        const auto& t = tasks[k];
        const bool open = taskOpenOn(t.task, asOf);
        const bool overdue = open && *civil::parseDate(t.task.dueDate) < asOf;
        std::vector<std::string> counted;
        for (const auto& [role, name] : {std::pair{"handler", t.task.handler}, std::pair{"leader", t.task.leader}}) {
            if (!name || name->empty()) continue;
            rows.push_back({t.task.unitCode, t.task.unitName, *name, role, k, 0, 0});
            // One person who is both handler and leader of a task has that task once.
            if (std::find(counted.begin(), counted.end(), *name) != counted.end()) continue;
            counted.push_back(*name);
            auto& c = counts[{t.task.unitCode, *name}];
            c.first += open ? 1 : 0;
            c.second += overdue ? 1 : 0;
        }
    }
    for (auto& row : rows) std::tie(row.openTasks, row.overdueTasks) = counts[{row.unitCode, row.person}];
    // Tasks come by id, so the task index orders a person's tasks by id.
    std::stable_sort(rows.begin(), rows.end(), [](const ResponsiblePerson& a, const ResponsiblePerson& b) {
        return std::tie(a.unitCode, a.person, a.role, a.task) < std::tie(b.unitCode, b.person, b.role, b.task);
    });
    return rows;
}

}  // namespace

std::string responsibleRoleName(const std::string& role) { return role == "leader" ? "责任领导" : "责任人"; }

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
    ledger.tasks.reserve(records.tasks.size());
    for (auto& t : records.tasks) {
        // Built in place: each further move of a record copies its dozen short strings.
        auto& row = ledger.tasks.emplace_back(std::move(t));
        row.level = taskLevelOn(row.task, query.asOf);
        if (taskOpenOn(row.task, query.asOf)) row.daysLeft = *civil::parseDate(row.task.dueDate) - query.asOf;
        if (const auto it = progress.find(row.task.id); it != progress.end()) row.lastProgress = it->second;
    }
    records.tasks = {};
    const auto byId = [](const LedgerTask& a, const LedgerTask& b) { return a.task.id < b.task.id; };
    if (!std::is_sorted(ledger.tasks.begin(), ledger.tasks.end(), byId))
        std::stable_sort(ledger.tasks.begin(), ledger.tasks.end(), byId);
    ledger.responsible = responsibleOf(ledger.tasks, query.asOf);
    return ledger;
}

}  // namespace patrol::services
