// The figures a 工作汇报 and the leaders' dashboard quote (docs/statistics.md), computed in one
// place for every front door: the CLI's `report stats`, the ledger's 统计 sheet, the web pages.
// Only what the actor may see is counted: a unit user gets its own unit's tasks and fed-back
// findings, and no clue figures at all.
#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/escalation.hpp"
#include "core/services/actor.hpp"
#include "core/services/category_names.hpp"
#include "core/services/clue_service.hpp"
#include "core/services/progress.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

struct StatisticsQuery {
    std::vector<std::string> roundCodes;  // empty: every round the actor may see
    std::optional<std::string> unitCode;  // one unit only
    // Only rounds whose dates (start to end) meet this period.
    std::optional<int32_t> from;
    std::optional<int32_t> to;
    int32_t asOf = 0;                     // the day task figures are judged on
};

// The records the figures are computed from, as the actor may see them: the rounds in scope
// (by start date), their findings and tasks, and their clues (none for a unit user).
struct StatisticsRecords {
    std::vector<store::RoundRecord> rounds;
    std::vector<store::FindingRecord> findings;
    std::vector<store::TaskRecord> tasks;
    std::optional<std::vector<ClueView>> clues;
};

// Open tasks on a day, by the level each deserves that day.
struct ColourCounts {
    std::string unitCode;  // empty in the total
    std::string unitName;
    int64_t byLevel[5] = {0, 0, 0, 0, 0};  // indexed by domain::EscalationLevel: none … accountability
    int64_t open() const { return byLevel[0] + byLevel[1] + byLevel[2] + byLevel[3] + byLevel[4]; }
};

struct OverdueTask {
    store::TaskRecord task;
    domain::EscalationLevel level = domain::EscalationLevel::None;
    int64_t daysOverdue = 0;
};

// 整改完成率: fed-back findings whose tasks are all accepted ÷ fed-back findings.
struct RectificationFigures {
    std::string roundCode;  // empty in the total
    std::string roundTitle;
    int64_t fedBack = 0;
    int64_t rectified = 0;
    // Per mille, rounded half up; none without fed-back findings.
    std::optional<int64_t> ratePermille() const;
};

// 发现问题 by category: findings confirmed or later (not suspected, not dismissed).
struct CategoryFigures {
    std::string category;  // as stored: a plugin's code or the words typed in
    std::string name;      // the Chinese name (plugin metadata), else the category itself
    int64_t findings = 0;
    int64_t amountFen = 0;
};

struct Statistics {
    int32_t asOf = 0;
    std::vector<std::string> roundCodes;  // the rounds counted, in start order
    std::optional<std::string> unitCode;
    std::optional<int32_t> from;
    std::optional<int32_t> to;
    std::vector<ColourCounts> colours;  // units with an open task on asOf, by unit code
    ColourCounts colourTotal;
    std::vector<OverdueTask> overdue;   // most overdue first, then by task id
    std::vector<RectificationFigures> rectification;  // one per round counted
    RectificationFigures rectificationTotal;
    std::vector<CategoryFigures> categories;  // most findings first, then by category
    std::optional<std::vector<ClueFigures>> clues;  // none for a unit user
};

// A period whose start falls after its end is refused, naming both days.
void requirePeriod(const std::optional<int32_t>& from, const std::optional<int32_t>& to);

// Open on `day`: assigned on or before it and not accepted by then.
bool taskOpenOn(const store::TaskRecord& task, int32_t day);
// The level an open task deserves on `day` (its current due date and returns); None once accepted.
domain::EscalationLevel taskLevelOn(const store::TaskRecord& task, int32_t day);
// Where a finding stands for 整改完成率 on a day: fed back once one of its tasks was assigned by
// then (and its status is fed back or later), rectified once every task was accepted by then.
enum class RectificationState { NotFedBack, FedBack, Rectified };
RectificationState rectificationStateOn(const store::FindingRecord& finding,
                                        const std::vector<const store::TaskRecord*>& tasks, int32_t day);
// Confirmed or later: what 发现问题 counts.
bool isFoundFinding(const std::string& status);

// A round or unit the actor may not see is refused exactly like one that does not exist.
// `progress`, when given, is told Reading: the kinds of records read (rounds, tasks, findings,
// and clues for those who may see them).
StatisticsRecords readStatisticsRecords(store::Database& db, const Actor& actor, const StatisticsQuery& query,
                                        const ProgressSink* progress = nullptr);
Statistics statisticsOf(const StatisticsRecords& records, const StatisticsQuery& query, const CategoryNames& names);
// Both of the above.
Statistics computeStatistics(store::Database& db, const Actor& actor, const StatisticsQuery& query,
                             const CategoryNames& names, const ProgressSink* progress = nullptr);

// "50.0" for 500 per mille: one decimal, as every rate is shown.
std::string permilleText(int64_t permille);
// The statistics as JSON with stable keys (docs/statistics.md "JSON").
Poco::JSON::Object::Ptr statisticsView(const Statistics& statistics);

}  // namespace patrol::services
