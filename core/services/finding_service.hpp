// Use cases for findings (问题): record manual ones, record a check's suspected ones, decide
// (confirm / dismiss), list and show — each filtered by what the actor may see.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/services/actor.hpp"
#include "core/services/check_recording.hpp"
#include "core/store/finding_repository.hpp"

namespace patrol::services {

struct FindingInput {
    std::string roundCode;
    std::string unitCode;
    std::string category;
    std::string title;
    std::string detail;
    std::optional<std::string> severity;     // low | medium | high (default medium)
    std::optional<std::string> amount;       // yuan, e.g. "5200.00"
    std::optional<std::string> peopleCount;  // whole number
    std::optional<std::string> peopleLevel;  // e.g. 乡科级
    std::optional<std::string> rectificationKind;  // immediate | deadline | long_term
};

// A manual finding: starts confirmed. Admin or an inspector of the round; the unit must be a
// target of the round, and the round must not have been fed back yet.
store::FindingRecord addFinding(store::Database& db, const Actor& actor, const FindingInput& input);

// One finding of an automated check, already fingerprinted by the plugin host.
struct CheckFinding {
    std::string plugin;
    std::string rule;
    std::string unitCode;
    std::string category;
    std::string title;
    std::string detail;
    std::string severity = "medium";
    std::optional<int64_t> amountFen;
    std::string refsJson = "[]";
    std::string fingerprint;
    std::optional<std::string> rectificationKind = std::nullopt;  // the rule's default (immediate | deadline | long_term)
};

// Findings of one unit that a check found but the round may not hold.
struct LeftOutUnit {
    enum class Reason { UnknownUnit, NotTarget };
    std::string unitCode;
    std::string unitName;                      // empty for an unknown unit
    Reason reason = Reason::NotTarget;
    std::vector<std::string> conflictedMembers;  // team members who declared a conflict with the unit
    size_t findings = 0;
};

// One line, in Chinese, saying how many findings of the unit were left out of the round and why.
std::string describeLeftOut(const LeftOutUnit& unit, const std::string& roundCode);

struct RecordedChecks {
    size_t added = 0;
    size_t alreadyRecorded = 0;        // same fingerprint already in the round
    std::vector<LeftOutUnit> leftOut;  // by unit code; their findings were not recorded
    size_t leftOutFindings() const;
};

// Records check findings as suspected, in one transaction; idempotent by fingerprint. Only the
// round's targets get findings: those of any other unit (unknown, or not a target — perhaps
// because a team member must avoid it) are left out and reported per unit; the rest are recorded,
// under one audit event for the run (check_recording.hpp).
RecordedChecks recordCheckFindings(store::Database& db, const Actor& actor, const std::string& roundCode,
                                   const std::vector<CheckFinding>& findings, const CheckRunInfo& run = {},
                                   const ProgressSink* progress = nullptr);
// The same, reading the findings in place (a run's arena: arena_check_findings.hpp).
RecordedChecks recordCheckFindings(store::Database& db, const Actor& actor, const std::string& roundCode,
                                   const CheckFindingSource& findings, const CheckRunInfo& run = {},
                                   const ProgressSink* progress = nullptr);

struct FindingFilter {
    std::optional<std::string> roundCode;
    std::optional<std::string> unitCode;
    std::optional<std::string> status;
};

// The findings the actor may see. A round or unit filter the actor may not see is refused exactly
// like one that does not exist; to a unit user `transferred` is always false.
std::vector<store::FindingRecord> listFindings(store::Database& db, const Actor& actor, const FindingFilter& filter);
// Whether findings shown to the actor say if they were transferred: clues do not exist to a unit user.
bool seesTransfers(const Actor& actor);
// UserError "不存在" alike for a finding that does not exist and one the actor may not see.
store::FindingRecord showFinding(store::Database& db, const Actor& actor, int64_t id);
// Decided on `day` (default today): not after today, not before the finding was recorded.
store::FindingRecord confirmFinding(store::Database& db, const Actor& actor, int64_t id,
                                    std::optional<int32_t> day = std::nullopt);
store::FindingRecord dismissFinding(store::Database& db, const Actor& actor, int64_t id, const std::string& reason,
                                    std::optional<int32_t> day = std::nullopt);

}  // namespace patrol::services
