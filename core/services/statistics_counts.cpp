#include "core/services/statistics_counts.hpp"

#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <map>

#include "core/domain/role.hpp"
#include "core/services/round_service.hpp"
#include "core/services/stored_day.hpp"
#include "core/store/statistics_queries.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

namespace {

// What the actor may see (canSeeRectification, canSeeFinding), said as a scope: an inspector the
// rounds of its teams, a unit user its own unit (and of its findings only those fed back).
store::FigureScope scopeOf(const Actor& actor) {
    store::FigureScope scope;
    if (actor.role == domain::Role::Inspector) scope.teamMember = actor.userId.value_or(0);
    if (actor.role == domain::Role::Unit) {
        scope.unitId = actor.unitId.value_or(0);
        scope.fedBackFindingsOnly = true;
    }
    return scope;
}

void countColours(Statistics& s, store::Database& db, const store::FigureScope& scope) {
    const std::string day = civil::formatDate(s.asOf);
    std::map<std::string, ColourCounts> byUnit;
    for (const auto& g : store::countOpenTasks(db, scope, day)) {
        const auto level = domain::deservedLevel(dayOf(g.dueDate), s.asOf, static_cast<int>(g.returnedCount));
        auto& unit = byUnit[g.unitCode];
        unit.unitCode = g.unitCode;
        unit.unitName = g.unitName;
        unit.byLevel[static_cast<int>(level)] += g.tasks;
        s.colourTotal.byLevel[static_cast<int>(level)] += g.tasks;
    }
    for (auto& [code, counts] : byUnit) s.colours.push_back(std::move(counts));

    // The overdue list names each task: only those are read.
    for (const int64_t id : store::overdueTaskIds(db, scope, day)) {
        auto t = *store::findTaskById(db, id);
        const int64_t days = s.asOf - dayOf(t.dueDate);
        const auto level = taskLevelOn(t, s.asOf);
        s.overdue.push_back({std::move(t), level, days});
    }
    std::stable_sort(s.overdue.begin(), s.overdue.end(), [](const OverdueTask& a, const OverdueTask& b) {
        return a.daysOverdue != b.daysOverdue ? a.daysOverdue > b.daysOverdue : a.task.id < b.task.id;
    });
}

void countRectification(Statistics& s, store::Database& db, const store::FigureScope& scope,
                        const std::vector<store::RoundRecord>& rounds) {
    std::map<std::string, store::RoundRectification> byRound;
    for (const auto& r : store::countRectification(db, scope, civil::formatDate(s.asOf))) {
        s.rectificationTotal.fedBack += r.fedBack;
        s.rectificationTotal.rectified += r.rectified;
        byRound[r.roundCode] = r;
    }
    for (const auto& r : rounds) {
        const auto it = byRound.find(r.code);
        s.rectification.push_back({r.code, r.title, it == byRound.end() ? 0 : it->second.fedBack,
                                   it == byRound.end() ? 0 : it->second.rectified});
    }
}

void countCategories(Statistics& s, store::Database& db, const store::FigureScope& scope, const CategoryNames& names) {
    std::map<std::string, CategoryFigures> byCategory;
    for (const auto& c : store::countFoundCategories(db, scope))
        byCategory[c.category] = {c.category, names.categoryName(c.category, c.firstSource), c.findings, c.amountFen};
    for (auto& [code, figures] : byCategory) s.categories.push_back(std::move(figures));
    std::stable_sort(s.categories.begin(), s.categories.end(),
                     [](const CategoryFigures& a, const CategoryFigures& b) { return a.findings > b.findings; });
}

}  // namespace

Statistics countStatistics(store::Database& db, const Actor& actor, const StatisticsQuery& query,
                           const CategoryNames& names) {
    if (!query.roundCodes.empty() || query.unitCode || query.from || query.to) return computeStatistics(db, actor, query, names);
    Statistics s;
    s.asOf = query.asOf;
    // Every round the actor may see, by start date (as computeStatistics counts them).
    auto rounds = listRounds(db, actor);
    std::stable_sort(rounds.begin(), rounds.end(), [](const auto& a, const auto& b) {
        return a.startDate != b.startDate ? a.startDate < b.startDate : a.code < b.code;
    });
    for (const auto& r : rounds) s.roundCodes.push_back(r.code);
    const auto scope = scopeOf(actor);
    countColours(s, db, scope);
    countRectification(s, db, scope, rounds);
    countCategories(s, db, scope, names);
    if (actor.role != domain::Role::Unit) s.clues = clueFiguresOf(listClues(db, actor, std::nullopt));
    return s;
}

}  // namespace patrol::services
