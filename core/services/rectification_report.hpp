// The unit's 整改情况报告 (issue 11): drafted from what the unit already entered — the problems fed
// back, for each its measures, responsible people, progress, dates and evidence, what is still
// open, and the long-term mechanisms (长期坚持 tasks). Whoever may see the round and the unit may
// draft it: a unit user only for its own unit (any other reads like one that does not exist).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/services/category_names.hpp"
#include "core/services/progress.hpp"
#include "core/services/task_service.hpp"
#include "core/services/workflow_settings.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::services {

struct RectificationReportItem {
    store::FindingRecord finding;
    std::vector<TaskHistory> tasks;
};

struct RectificationReport {
    store::RoundRecord round;
    store::UnitRecord unit;
    int32_t asOf = 0;
    int32_t feedbackDay = 0;
    int32_t reportDue = 0;  // feedback day + rectification.report_days
    std::vector<RectificationReportItem> items;  // the findings fed back to the unit, by id
};

// Refused (Conflict) while the round has fed nothing back to the unit. `progress`, when given,
// is told Reading: the unit's tasks read with their history, a batch at a time.
RectificationReport readRectificationReport(store::Database& db, const Actor& actor, const std::string& roundCode,
                                            const std::string& unitCode, int32_t asOf, const WorkflowSettings& settings,
                                            const ProgressSink* progress = nullptr);

// A report a unit owes: the round fed back problems to it, and the day the report is due.
struct OwedRectificationReport {
    store::RoundRecord round;
    int32_t due = 0;
};

// For a unit user, the rounds it may see that fed back problems to its unit, by round code; for
// anyone else none (they owe no report).
std::vector<OwedRectificationReport> rectificationReportsOwed(store::Database& db, const Actor& actor,
                                                              const WorkflowSettings& settings);

// <templateFolder>/rectification_report.md.mustache rendered over the report.
std::string rectificationReportMarkdown(const RectificationReport& report, const CategoryNames& names,
                                        const std::string& templateFolder);

}  // namespace patrol::services
