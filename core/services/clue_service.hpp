// Clue disposal (问题线索处置, spec/domain.md "Clue disposal"): transfer a finding as a clue,
// record its disposal and each person's outcome, list them and count them. Only admin, leader
// and the inspectors of the clue's round see clues; to anyone else a clue does not exist.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/clue.hpp"
#include "core/services/actor.hpp"
#include "core/store/clue_repository.hpp"

namespace patrol::services {

struct ClueView {
    store::ClueRecord clue;
    domain::ClueStatus status = domain::ClueStatus::Transferred;
    std::optional<std::string> method;  // the latest disposal method
    std::vector<store::DisposalRecord> disposals;
    std::vector<store::OutcomeRecord> outcomes;
};

// The receiving body reports back within 3 months (reply_due).
ClueView transferClue(store::Database& db, const Actor& actor, int64_t findingId, const std::string& receiver,
                      int32_t day);
ClueView disposeClue(store::Database& db, const Actor& actor, int64_t clueId, const std::string& method,
                     const std::optional<std::string>& note, int32_t day);

struct OutcomeInput {
    std::string person;
    std::string level;  // 县处级 | 乡科级 | 其他
    std::string form;   // f1..f4
    std::optional<std::string> partySanction;
    std::optional<std::string> governmentSanction;
    std::optional<std::string> organizationalHandling;
    bool referred = false;
    std::optional<std::string> recovered;  // yuan, at most two decimals
};

ClueView recordOutcome(store::Database& db, const Actor& actor, int64_t clueId, const OutcomeInput& input, int32_t day);

ClueView showClue(store::Database& db, const Actor& actor, int64_t clueId);
// Visible clues only (none for a unit user), optionally of one round; a round the actor may not
// see is refused exactly like one that does not exist.
std::vector<ClueView> listClues(store::Database& db, const Actor& actor, const std::optional<std::string>& roundCode);

struct ClueFigures {
    std::string receiver;  // a receiving body word, or "合计"
    int64_t clues = 0;                // 件
    int64_t people = 0;               // 人, each named person once
    int64_t concluded = 0;            // with a final disposal
    int64_t formCounts[4] = {0, 0, 0, 0};  // person-times per form f1..f4
    int64_t sanctionedPeople = 0;     // with a party or government sanction, each once
    int64_t referred = 0;             // people referred to prosecutors
    int64_t recoveredFen = 0;
};

// One row per receiving body that has clues, then the total.
std::vector<ClueFigures> clueStatistics(store::Database& db, const Actor& actor,
                                        const std::optional<std::string>& roundCode);
// The same figures over clues already read (and filtered) by the caller.
std::vector<ClueFigures> clueFiguresOf(const std::vector<ClueView>& clues);

}  // namespace patrol::services
