// Use cases of rectification tasks (spec/domain.md "Rectification tasks and deadlines"): listing,
// the unit's plan, progress with evidence and submission, the inspectors' acceptance or return,
// extension requests and their approval. One transaction and one audit event per change;
// permissions are checked here for every front door.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/services/actor.hpp"
#include "core/services/evidence_store.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/evidence_repository.hpp"
#include "core/store/extension_repository.hpp"
#include "core/store/notice_repository.hpp"
#include "core/store/progress_repository.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

struct TaskFilter {
    std::optional<std::string> roundCode;
    std::optional<std::string> unitCode;
    std::optional<std::string> status;  // a task status word
    std::optional<std::string> level;   // an escalation level word
    bool overdue = false;               // open and past due on asOf
    int32_t asOf = 0;
};

// The tasks the actor may see: admin and leader all, an inspector those of their rounds, a unit
// user those of its own unit. A round or unit filter the actor may not see is refused exactly like
// one that does not exist.
std::vector<store::TaskRecord> listTasks(store::Database& db, const Actor& actor, const TaskFilter& filter);

// One page of the same tasks, most urgent first (open before accepted, earliest due, then id),
// counted and cut by SQL so a page of 20 does not read 50,000 tasks. A page past the last is the
// last. listTasks sorted the same way is its plain reference (tests/report/task_page_test.cpp).
struct TaskPage {
    std::vector<store::TaskRecord> tasks;
    int64_t total = 0;
    int64_t page = 1;   // the page given back
    int64_t pages = 1;
};
TaskPage pageOfTasks(store::Database& db, const Actor& actor, const TaskFilter& filter, int64_t page, int64_t pageSize);

// The task, or "不存在" when it does not exist or the actor may not see it (no hint either way).
store::TaskRecord requireVisibleTask(store::Database& db, const Actor& actor, int64_t taskId);

struct TaskHistory {
    store::TaskRecord task;
    std::vector<store::ProgressRecord> progress;
    std::vector<store::EvidenceRecord> evidence;
    std::vector<store::ExtensionRecord> extensions;
    std::vector<store::NoticeRecord> notices;
    std::vector<store::AuditEvent> events;  // every audited change of the task, oldest first
};

TaskHistory showTask(store::Database& db, const Actor& actor, int64_t taskId);

// Every change below happens on a day (default today): never after today, never before the
// task's latest event (assignment, plan, progress, submission, return); see domain/event_date.hpp.

// The unit files (or revises, before work starts) its measure, handler and responsible leader.
store::TaskRecord planTask(store::Database& db, const Actor& actor, int64_t taskId, const std::string& measure,
                           const std::string& handler, const std::string& leader,
                           std::optional<int32_t> day = std::nullopt);

struct ProgressInput {
    int percent = 0;
    std::string note;
    std::vector<EvidenceUpload> evidence;  // each read once; one refused upload refuses the report
    std::optional<int32_t> day;            // the report's date, default today
};

// Stores each upload while reading it, then records the report and its evidence in one
// transaction; on any refusal or failure nothing is left: no rows, no event, no new files.

store::TaskRecord reportProgress(store::Database& db, const Actor& actor, int64_t taskId, const ProgressInput& input,
                                 const EvidenceStore& evidence);

store::TaskRecord submitTask(store::Database& db, const Actor& actor, int64_t taskId,
                             std::optional<int32_t> day = std::nullopt);

// Refused without any evidence file on the task and without a written verification note.
store::TaskRecord acceptTask(store::Database& db, const Actor& actor, int64_t taskId,
                             const std::optional<std::string>& note, int32_t day);

store::TaskRecord returnTask(store::Database& db, const Actor& actor, int64_t taskId, const std::string& reason,
                             std::optional<int32_t> day = std::nullopt);

// A request only: the due date does not move until approved. Dated no earlier than the
// assignment and the previous request's decision.
store::ExtensionRecord requestExtension(store::Database& db, const Actor& actor, int64_t taskId, int32_t newDue,
                                        const std::string& reason, std::optional<int32_t> day = std::nullopt);

struct ExtensionDecision {
    bool approve = false;
    std::optional<int32_t> day;            // the decision's date, default today; not before the request
    std::optional<int32_t> asOf;           // the day the level is judged for, default the decision's date
    std::optional<std::string> reason;     // why; required to deny

    static ExtensionDecision approval(std::optional<int32_t> on = std::nullopt) {
        return {true, on, std::nullopt, std::nullopt};
    }
    static ExtensionDecision denial(std::string why, std::optional<int32_t> on = std::nullopt) {
        return {false, on, std::nullopt, std::move(why)};
    }
};

// Approving moves the due date and sets the level to what the new date deserves on asOf (it may
// fall; the notices already sent stay in the task's history); denying leaves the task as it is
// and records why.
store::TaskRecord decideExtension(store::Database& db, const Actor& actor, int64_t taskId,
                                  const ExtensionDecision& decision);

}  // namespace patrol::services
