// What the rectification workflow does when a round changes stage (spec/domain.md "Round kinds
// and stages"): entering fed_back creates one task per fed-back finding and starts its clock;
// entering closed needs every task accepted and closes the rectified findings. Both run inside
// the transaction of the round's stage change.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/domain/calendar.hpp"
#include "core/services/actor.hpp"
#include "core/services/workflow_settings.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

// What advanceRound hands over when a round enters fed_back, inside its transaction.
struct FeedbackEntry {
    store::Database& db;
    const Actor& actor;
    const store::RoundRecord& round;  // already in stage fed_back
    int32_t feedbackDay;
    const std::vector<int64_t>& fedBackFindings;  // the findings just moved to fed_back
};

using FeedbackHandler = std::function<void(const FeedbackEntry&)>;

struct FeedbackResult {
    std::vector<store::TaskRecord> tasks;  // the tasks created, in finding order
    int32_t reportDue = 0;                 // the unit's overall rectification report (整改情况报告)
    std::vector<std::string> warnings;     // calendar warnings (a year no calendar covers)
};

// The day the round's units owe the county their 整改情况报告: the feedback day plus
// rectification.report_days (natural days); none before the round was fed back.
std::optional<int32_t> rectificationReportDue(const std::vector<std::pair<std::string, std::string>>& stageDates,
                                              const WorkflowSettings& settings);

// Creates the task of every fed-back finding of the round that has none yet (confirmed findings
// are fed back first): kind from the finding (finding add --kind, or its check rule's default),
// else `deadline`; due = the feedback day + the kind's days, counted as the settings say.
// Calling it twice creates nothing new.
FeedbackResult createTasksOnFeedback(store::Database& db, const store::RoundRecord& round, int32_t feedbackDay,
                                     const Actor& actor, const WorkflowSettings& settings,
                                     const domain::WorkingCalendar& calendar);

// The handler the front doors pass to advanceRound; `result` (optional) receives what was created.
FeedbackHandler rectificationOnFeedback(const WorkflowSettings& settings, const domain::WorkingCalendar& calendar,
                                        FeedbackResult* result = nullptr);

class Settings;

// The same, reading the rectification settings and the calendar (calendar.folder, or
// `calendarFile` alone — the global --calendar option) when the round is fed back.
FeedbackHandler rectificationOnFeedback(const Settings& settings, const std::optional<std::string>& calendarFile,
                                        FeedbackResult* result = nullptr);

// Refuses (UserError listing them) while any task of the round is open; otherwise moves the
// round's rectified findings to closed.
void closeRoundRectification(store::Database& db, const store::RoundRecord& round, const Actor& actor);

}  // namespace patrol::services
