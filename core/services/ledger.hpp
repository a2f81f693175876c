// The rectification ledger (整改台账): the three lists inspection offices keep in Excel —
// 问题清单 (findings), 整改清单 (tasks) and 责任清单 (responsible people) — plus the statistics
// of the same records, as the actor may see them. A unit user gets only its own unit's rows
// and nothing about clues.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/escalation.hpp"
#include "core/services/actor.hpp"
#include "core/services/category_names.hpp"
#include "core/services/statistics.hpp"
#include "core/services/workflow_settings.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/progress_repository.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

struct LedgerTask {
    const store::TaskRecord* task = nullptr;  // in Ledger::taskRecords
    domain::EscalationLevel level = domain::EscalationLevel::None;  // deserved on the ledger's day
    std::optional<int64_t> daysLeft;  // due − the ledger's day while open then (below 0: overdue)
    std::optional<store::ProgressRecord> lastProgress;
};

// One row per person named on a task, with the counts of that person's tasks in the unit. The
// unit and the person are read from the task (personOf): a 50,000-task ledger has 100,000 rows.
struct ResponsiblePerson {
    size_t task = 0;                   // index into Ledger::tasks
    std::string_view role;             // "handler" 责任人 (the task's handler) or "leader" 责任领导
    int64_t openTasks = 0;             // open on the ledger's day
    int64_t overdueTasks = 0;          // open and past due then
};

struct Ledger {
    StatisticsQuery query;
    bool showsClues = false;                      // false: no column says whether a finding went on as a clue
    std::vector<store::FindingRecord> findings;   // confirmed or later, by round then id
    // The tasks as read; the rows point into it rather than take a copy of each (50,000 records
    // of a dozen strings), so a ledger is moved but never copied.
    std::vector<store::TaskRecord> taskRecords;
    std::vector<LedgerTask> tasks;                // by id
    std::vector<ResponsiblePerson> responsible;   // by unit, person, role, task
    Statistics statistics;
    std::map<std::string, int32_t> reportDue;    // round code -> the units' 整改情况报告 due date, once fed back

    Ledger() = default;
    Ledger(Ledger&&) = default;
    Ledger& operator=(Ledger&&) = default;
    Ledger(const Ledger&) = delete;
    Ledger& operator=(const Ledger&) = delete;
};

// The ledger of the rounds the query selects; a round or unit the actor may not see is refused
// exactly like one that does not exist.
Ledger readLedger(store::Database& db, const Actor& actor, const StatisticsQuery& query, const CategoryNames& names,
                  const WorkflowSettings& settings);

// The Chinese name of a responsible person's role.
std::string responsibleRoleName(std::string_view role);

// The person's name: the task's handler or leader, as the role says.
const std::string& personOf(const Ledger& ledger, const ResponsiblePerson& p);

}  // namespace patrol::services
