// Rounds (巡察轮次): their stage, dates and enabled plugins.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace patrol::store {

class Database;

struct RoundRecord {
    int64_t id = 0;
    std::string code;
    std::string title;
    std::string kind;
    std::optional<std::string> term;
    std::string stage;
    std::string startDate;  // YYYY-MM-DD
    std::string endDate;
    std::optional<int64_t> lookbackOf;
    std::optional<std::string> lookbackOfCode;
    std::vector<std::string> plugins;  // sorted
};

struct NewRound {
    std::string code;
    std::string title;
    std::string kind;
    std::optional<std::string> term;
    std::string startDate;
    std::string endDate;
    std::optional<int64_t> lookbackOf;
    std::vector<std::string> plugins;
};

// Inserts the round in stage planned, entered on its start date.
int64_t insertRound(Database& db, const NewRound& round);
std::optional<RoundRecord> findRoundByCode(Database& db, const std::string& code);
std::optional<RoundRecord> findRoundById(Database& db, int64_t id);
// Ordered by start date, then code.
std::vector<RoundRecord> listRounds(Database& db);

// Writes title and planned dates; the planned stage, entered on the start date, moves with it.
void updateRoundPlan(Database& db, int64_t roundId, const std::string& title, const std::string& startDate,
                     const std::string& endDate);

void setRoundStage(Database& db, int64_t roundId, const std::string& stage, const std::string& enteredOn);
// (stage, entered_on) in stage order.
std::vector<std::pair<std::string, std::string>> roundStageDates(Database& db, int64_t roundId);

}  // namespace patrol::store
