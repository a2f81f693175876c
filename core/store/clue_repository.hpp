// Clues (问题线索): findings transferred to another body, their disposals and per-person outcomes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

struct ClueRecord {
    int64_t id = 0;
    int64_t findingId = 0;
    std::string findingTitle;
    int64_t roundId = 0;
    std::string roundCode;
    std::string unitCode;
    std::string unitName;
    std::string receiver;       // 纪委监委 | 组织部 | other
    std::string transferredOn;  // YYYY-MM-DD
    std::optional<std::string> replyDue;
    std::string createdBy;
};

struct DisposalRecord {
    int64_t id = 0;
    int64_t clueId = 0;
    std::string method;
    std::string decidedOn;
    std::optional<std::string> note;
};

struct OutcomeRecord {
    int64_t id = 0;
    int64_t clueId = 0;
    std::string person;
    std::optional<std::string> personLevel;
    std::optional<std::string> form;
    std::optional<std::string> partySanction;
    std::optional<std::string> govSanction;
    std::optional<std::string> orgHandling;
    bool referred = false;
    int64_t recoveredFen = 0;
    std::string recordedOn;
};

int64_t insertClue(Database& db, const ClueRecord& clue);
std::optional<ClueRecord> findClueById(Database& db, int64_t id);
std::optional<ClueRecord> findClueByFinding(Database& db, int64_t findingId);
// Ordered by id; every round when roundId is empty.
std::vector<ClueRecord> listClues(Database& db, std::optional<int64_t> roundId);

int64_t insertDisposal(Database& db, const DisposalRecord& disposal);
std::vector<DisposalRecord> listDisposals(Database& db, int64_t clueId);  // oldest first
int64_t insertOutcome(Database& db, const OutcomeRecord& outcome);
std::vector<OutcomeRecord> listOutcomes(Database& db, int64_t clueId);  // oldest first

}  // namespace patrol::store
