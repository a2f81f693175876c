#include "core/store/statistics_queries.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

namespace {

// The scope as conditions on findings `f`; its one value is parameter ?2 (the day is ?1).
std::string scopeSql(const FigureScope& scope) {
    std::string sql;
    if (scope.teamMember) sql += " AND f.round_id IN (SELECT round_id FROM round_team WHERE user_id = ?2)";
    else if (scope.unitId) sql += " AND f.unit_id = ?2";
    return sql;
}

Statement prepared(Database& db, const std::string& sql, const FigureScope& scope, const std::optional<std::string>& day) {
    auto st = db.prepare(sql);
    if (day) st.bind(1, *day);
    if (scope.teamMember) st.bind(2, *scope.teamMember);
    else if (scope.unitId) st.bind(2, *scope.unitId);
    return st;
}

}  // namespace

std::vector<OpenTaskGroup> countOpenTasks(Database& db, const FigureScope& scope, const std::string& day) {
    const std::string sql =
        "SELECT u.code, u.name, t.due_date, t.returned_count, count(*) FROM rectification_tasks t "
        "JOIN findings f ON f.id = t.finding_id JOIN units u ON u.id = f.unit_id "
        "WHERE t.assigned_on <= ?1 AND (t.accepted_on IS NULL OR t.accepted_on > ?1)" +
        scopeSql(scope) + " GROUP BY u.id, t.due_date, t.returned_count";
    return prepared(db, sql, scope, day).collect([](const Statement& st) {
        return OpenTaskGroup{st.text(0), st.text(1), st.text(2), st.integer(3), st.integer(4)};
    });
}

std::vector<int64_t> overdueTaskIds(Database& db, const FigureScope& scope, const std::string& day) {
    const std::string sql =
        "SELECT t.id FROM rectification_tasks t JOIN findings f ON f.id = t.finding_id "
        "WHERE t.assigned_on <= ?1 AND (t.accepted_on IS NULL OR t.accepted_on > ?1) AND t.due_date < ?1" +
        scopeSql(scope) + " ORDER BY t.id";
    return prepared(db, sql, scope, day).collect([](const Statement& st) { return st.integer(0); });
}

std::vector<RoundRectification> countRectification(Database& db, const FigureScope& scope, const std::string& day) {
    // Per finding: its first assignment and its last acceptance (a task not accepted counts as
    // accepted after every day); then per round, judged against the day.
    const std::string sql =
        "SELECT code, sum(first_assigned <= ?1), sum(first_assigned <= ?1 AND last_accepted <= ?1) FROM ("
        "SELECT r.code AS code, min(t.assigned_on) AS first_assigned, max(coalesce(t.accepted_on, '9999-12-31')) AS last_accepted "
        "FROM findings f JOIN rectification_tasks t ON t.finding_id = f.id JOIN rounds r ON r.id = f.round_id "
        "WHERE f.status IN ('fed_back', 'rectifying', 'rectified', 'closed')" +
        scopeSql(scope) + " GROUP BY f.id) GROUP BY code";
    return prepared(db, sql, scope, day).collect([](const Statement& st) {
        return RoundRectification{st.text(0), st.integer(1), st.integer(2)};
    });
}

std::vector<CategoryCount> countFoundCategories(Database& db, const FigureScope& scope) {
    // With min() the only min/max aggregate, SQLite takes f.source from the row of that minimum.
    const std::string sql =
        "SELECT f.category, f.source, min(f.id), count(*), sum(coalesce(f.amount_fen, 0)) FROM findings f "
        "WHERE f.status NOT IN ('suspected', 'dismissed')" +
        std::string(scope.fedBackFindingsOnly ? " AND f.status <> 'confirmed'" : "") + scopeSql(scope) +
        " GROUP BY f.category";
    return prepared(db, sql, scope, std::nullopt).collect([](const Statement& st) {
        return CategoryCount{st.text(0), st.text(1), st.integer(3), st.integer(4)};
    });
}

}  // namespace patrol::store
