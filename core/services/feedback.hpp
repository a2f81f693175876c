// What the rectification workflow does when a round changes stage (spec/domain.md "Round kinds
// and stages"): entering fed_back creates one task per confirmed finding and starts its clock;
// entering closed needs every task accepted and closes the rectified findings. Both run inside
// the transaction of the round's stage change.
#pragma once

#include <cstdint>
#include <vector>

#include "core/domain/calendar.hpp"
#include "core/services/acting_user.hpp"
#include "core/services/workflow_settings.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

struct FeedbackResult {
    std::vector<store::TaskRecord> tasks;  // the tasks created, in finding order
    int32_t reportDue = 0;                 // the unit's overall rectification report (整改情况报告)
};

// Feeds back every confirmed finding of the round (→ fed_back) and creates its task: kind from
// the finding (finding add --kind, or its check rule's default), else `deadline`; due = the
// feedback day + the kind's days, counted as the settings say. Findings already fed back without
// a task also get one, so calling it twice creates nothing new.
FeedbackResult createTasksOnFeedback(store::Database& db, const store::RoundRecord& round, int32_t feedbackDay,
                                     const ActingUser& actor, const WorkflowSettings& settings,
                                     const domain::WorkingCalendar& calendar);

// Refuses (UserError listing them) while any task of the round is open; otherwise moves the
// round's rectified findings to closed.
void closeRoundRectification(store::Database& db, const store::RoundRecord& round, const ActingUser& actor);

}  // namespace patrol::services
