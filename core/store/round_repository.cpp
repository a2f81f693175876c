#include "core/store/round_repository.hpp"

#include "core/store/clock.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

namespace {

constexpr const char* kRoundSelect =
    "SELECT r.id, r.code, r.title, r.kind, r.term, r.stage, r.start_date, r.end_date, r.lookback_of, l.code "
    "FROM rounds r LEFT JOIN rounds l ON l.id = r.lookback_of ";

std::vector<std::string> pluginsOf(Database& db, int64_t roundId) {
    return db.prepare("SELECT plugin_id FROM round_plugins WHERE round_id = ? ORDER BY plugin_id")
        .bindAll(roundId)
        .collect([](const Statement& st) { return st.text(0); });
}

RoundRecord readRound(const Statement& st) {
    return {st.integer(0), st.text(1), st.text(2), st.text(3), st.optionalText(4), st.text(5), st.text(6),
            st.text(7),    st.optionalInteger(8), st.optionalText(9), {}};
}

std::vector<RoundRecord> selectRounds(Database& db, const std::string& rest, const auto&... args) {
    auto out = db.prepare(kRoundSelect + rest).bindAll(args...).collect(readRound);
    for (auto& r : out) r.plugins = pluginsOf(db, r.id);
    return out;
}

std::optional<RoundRecord> first(std::vector<RoundRecord> rounds) {
    if (rounds.empty()) return std::nullopt;
    return std::move(rounds.front());
}

}  // namespace

int64_t insertRound(Database& db, const NewRound& round) {
    db.prepare("INSERT INTO rounds (code, title, kind, term, start_date, end_date, lookback_of, created_at) "
               "VALUES (?,?,?,?,?,?,?,?)")
        .bindAll(round.code, round.title, round.kind, round.term, round.startDate, round.endDate, round.lookbackOf,
                 utcTimestampNow())
        .run();
    const int64_t id = db.lastInsertId();
    auto plugin = db.prepare("INSERT OR IGNORE INTO round_plugins (round_id, plugin_id) VALUES (?, ?)");
    for (const auto& p : round.plugins) {
        plugin.reset();
        plugin.bindAll(id, p).run();
    }
    db.prepare("INSERT INTO round_stage_dates (round_id, stage, entered_on) VALUES (?, 'planned', ?)")
        .bindAll(id, round.startDate)
        .run();
    return id;
}

std::optional<RoundRecord> findRoundByCode(Database& db, const std::string& code) {
    return first(selectRounds(db, "WHERE r.code = ?", code));
}

std::optional<RoundRecord> findRoundById(Database& db, int64_t id) { return first(selectRounds(db, "WHERE r.id = ?", id)); }

std::vector<RoundRecord> listRounds(Database& db) { return selectRounds(db, "ORDER BY r.start_date, r.code"); }

void updateRoundPlan(Database& db, int64_t roundId, const std::string& title, const std::string& startDate,
                     const std::string& endDate) {
    db.prepare("UPDATE rounds SET title = ?, start_date = ?, end_date = ? WHERE id = ?")
        .bindAll(title, startDate, endDate, roundId)
        .run();
    db.prepare("UPDATE round_stage_dates SET entered_on = ? WHERE round_id = ? AND stage = 'planned'")
        .bindAll(startDate, roundId)
        .run();
}

void setRoundStage(Database& db, int64_t roundId, const std::string& stage, const std::string& enteredOn) {
    db.prepare("UPDATE rounds SET stage = ? WHERE id = ?").bindAll(stage, roundId).run();
    db.prepare("INSERT INTO round_stage_dates (round_id, stage, entered_on) VALUES (?, ?, ?)")
        .bindAll(roundId, stage, enteredOn)
        .run();
}

std::vector<std::pair<std::string, std::string>> roundStageDates(Database& db, int64_t roundId) {
    auto st = db.prepare("SELECT stage, entered_on FROM round_stage_dates WHERE round_id = ? ORDER BY entered_on, "
                         "CASE stage WHEN 'planned' THEN 0 WHEN 'onsite' THEN 1 WHEN 'reported' THEN 2 "
                         "WHEN 'fed_back' THEN 3 WHEN 'rectifying' THEN 4 ELSE 5 END");
    st.bindAll(roundId);
    std::vector<std::pair<std::string, std::string>> out;
    while (st.step()) out.emplace_back(st.text(0), st.text(1));
    return out;
}

}  // namespace patrol::store
