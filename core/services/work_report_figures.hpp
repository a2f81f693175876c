// The figures of a 工作汇报's inspection part (issue 11; spec/domain.md "Statistics"), each with
// the records behind it so any number in the report can be proved: what was counted and, for
// what was not, why. Built on the shared statistics (services/statistics), with the same
// visibility: only admin and leader see the whole county, so only they may compute it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/services/statistics.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::services {

struct WorkReportQuery {
    int32_t from = 0;                  // rounds whose dates meet this period are counted
    int32_t to = 0;
    std::optional<std::string> term;   // only rounds of this term (届次), e.g. 十五届
    int32_t asOf = 0;                  // rectification and overdue figures are judged on this day
    int reportDays = 60;               // rectification.report_days: the units' 整改情况报告 due date
};

// One record behind a figure: "问题 12" and what it is, or why it was left out.
struct TraceItem {
    std::string record;
    std::string note;
};

struct FigureTrace {
    std::string name;   // rounds, findings, … (workReportFigureNames)
    std::string label;  // its Chinese name
    std::string value;  // as the report shows it
    std::vector<TraceItem> counted;
    std::vector<TraceItem> excluded;
};

struct KindCount {
    std::string label;  // the kind's Chinese name
    int64_t count = 0;
    int64_t total = 0;  // units only: registered units of the kind
};

struct BucketCount {
    std::string group;   // e.g. 享乐主义、奢靡之风
    std::string bucket;  // e.g. 违规公款吃喝
    int64_t findings = 0;
};

struct LookbackResult {
    std::string roundCode;
    std::string roundTitle;
    std::string earlierRound;  // the round it looks back on, or empty
    int64_t findings = 0;
    int64_t repeats = 0;
};

struct WorkReportFigures {
    WorkReportQuery query;
    std::string termLabel;  // the --term given, or the one term every counted round shares, or empty
    Statistics statistics;  // categories, clues, rectification, colours as the dashboard has them
    std::vector<KindCount> roundsByKind;
    int64_t rounds = 0;
    std::vector<KindCount> unitsByKind;  // every unit kind but other, in vocabulary order
    int64_t unitsCovered = 0;
    int64_t unitsTotal = 0;
    int64_t townships = 0, departments = 0, villages = 0;  // covered; villages counts 村 and 社区
    int64_t findings = 0;
    std::vector<BucketCount> fourStyles;
    ClueFigures clueTotal;
    int64_t overdueByLevel[5] = {0, 0, 0, 0, 0};
    int64_t overdue = 0;
    int64_t repeatFindings = 0;
    std::vector<LookbackResult> lookbacks;
    std::map<std::string, int32_t> reportDue;  // round code -> 整改情况报告 due date, for fed-back rounds
    std::vector<FigureTrace> traces;  // in workReportFigureNames order

    std::optional<int64_t> coveragePermille() const;
    const FigureTrace& trace(const std::string& name) const;
};

// The names `report explain` takes, in report order.
const std::vector<std::string>& workReportFigureNames();

// Refused (Forbidden) for inspectors and unit users: the report counts what only admin and
// leader may see in full. `progress`, when given, is told Reading: the kinds of records read
// (rounds, tasks, findings, clues), as readStatisticsRecords tells it.
WorkReportFigures computeWorkReport(store::Database& db, const Actor& actor, const WorkReportQuery& query,
                                    const CategoryNames& names, const ProgressSink* progress = nullptr);
// The trace of one figure; an unknown name is refused with the list of known ones.
FigureTrace explainFigure(store::Database& db, const Actor& actor, const WorkReportQuery& query,
                          const CategoryNames& names, const std::string& figure);

}  // namespace patrol::services
