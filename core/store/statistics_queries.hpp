// The statistics of the dashboard counted by SQLite (GROUP BY) rather than from every record read
// into memory: what services/statistics_counts.cpp turns into the same figures as the plain
// reference, services::computeStatistics. Days are YYYY-MM-DD text, which orders as the days do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

// Whose records are counted: every one (no field set), those of the rounds whose team has a
// user, or those of one unit; and, for a unit's own view, only findings once fed back.
struct FigureScope {
    std::optional<int64_t> teamMember;
    std::optional<int64_t> unitId;
    bool fedBackFindingsOnly = false;
};

// Tasks open on a day (assigned by then, not accepted by then), counted by unit, due date and
// times returned: all the level a task deserves on that day depends on.
struct OpenTaskGroup {
    std::string unitCode;
    std::string unitName;
    std::string dueDate;
    int64_t returnedCount = 0;
    int64_t tasks = 0;
};
std::vector<OpenTaskGroup> countOpenTasks(Database& db, const FigureScope& scope, const std::string& day);

// The ids of the tasks open on a day whose due date is before it (overdue), by id.
std::vector<int64_t> overdueTaskIds(Database& db, const FigureScope& scope, const std::string& day);

// Findings fed back (status fed back or later, with tasks) by round: how many had a task assigned
// by the day, and how many of those had every task accepted by then.
struct RoundRectification {
    std::string roundCode;
    int64_t fedBack = 0;
    int64_t rectified = 0;
};
std::vector<RoundRectification> countRectification(Database& db, const FigureScope& scope, const std::string& day);

// Findings confirmed or later by category, with the source of the category's first finding (by
// id), which decides the name it is shown by.
struct CategoryCount {
    std::string category;
    std::string firstSource;
    int64_t findings = 0;
    int64_t amountFen = 0;
};
std::vector<CategoryCount> countFoundCategories(Database& db, const FigureScope& scope);

}  // namespace patrol::store
