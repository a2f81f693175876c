#include "core/services/finding_service.hpp"

#include <patrol/sdk/civil.hpp>

#include "core/domain/errors.hpp"
#include "core/services/not_found.hpp"
#include "core/domain/event_date.hpp"
#include "core/domain/finding_status.hpp"
#include "core/domain/rectification_kind.hpp"
#include "core/domain/round_stage.hpp"
#include "core/domain/severity.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/authorization.hpp"
#include "core/services/fingerprint_marks.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/record_json.hpp"
#include "core/services/repeat_problems.hpp"
#include "core/services/round_service.hpp"
#include "core/services/unit_service.hpp"
#include "core/store/bulk_write.hpp"
#include "core/store/clock.hpp"
#include "core/store/conflict_repository.hpp"
#include "core/store/finding_fingerprints.hpp"
#include "core/store/round_membership_repository.hpp"
#include "core/store/unit_repository.hpp"
#include "core/store/transaction.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace patrol::services {

using domain::FindingEvent;
using domain::FindingStatus;

namespace {

// Findings are recorded until the round is fed back; later ones belong to a later round.
void requireRecordingOpen(const store::RoundRecord& round) {
    const auto stage = domain::roundStages.parse(round.stage);
    if (static_cast<int>(stage) >= static_cast<int>(domain::RoundStage::FedBack))
        throw Conflict("巡察轮次 " + round.code + " 已处于" + domain::roundStages.quoted(stage) +
                        "阶段，不能再记录问题：问题只能在反馈之前记录。");
}

void requireTarget(store::Database& db, const store::RoundRecord& round, const store::UnitRecord& unit) {
    for (const auto& target : store::roundTargets(db, round.id))
        if (target.id == unit.id) return;
    throw UserError("单位「" + unit.name + "」(" + unit.code + ") 不是巡察轮次 " + round.code +
                    " 的巡察对象。请先把它列为巡察对象，或检查单位编码。");
}

store::FindingRecord requireVisibleFinding(store::Database& db, const Actor& actor, int64_t id) {
    const auto finding = store::findFindingById(db, id);
    if (!finding || !canSeeFinding(db, actor, *finding))
        throw findingNotFound(id);
    return *finding;
}

// A unit user never learns that a finding was transferred as a clue: clues do not exist to it.
store::FindingRecord asSeenBy(const Actor& actor, store::FindingRecord finding) {
    if (!seesTransfers(actor)) finding.transferred = false;
    return finding;
}

// Confirm / dismiss: one status move of one finding on `day` (default today, not before the
// finding was recorded), with its audit event.
store::FindingRecord decide(store::Database& db, const Actor& actor, int64_t id, FindingEvent event,
                            const std::optional<std::string>& reason, std::optional<int32_t> day) {
    store::Transaction tx(db);
    const auto before = requireVisibleFinding(db, actor, id);
    const auto round = *store::findRoundById(db, before.roundId);
    requireRoundAccess(db, actor, round, Access::Write, std::string(domain::findingEvents.label(event)) + "问题");
    const auto next = domain::applyFindingEvent(domain::findingStatuses.parse(before.status), event);
    const int32_t on = day.value_or(localToday());
    domain::checkEventDate({std::string(domain::findingEvents.label(event)) + "问题", on}, localToday(),
                           domain::DatedEvent{"问题登记", store::localDateOf(before.createdAt)});
    if (next == FindingStatus::Dismissed) store::setFindingDismissed(db, id, *reason);
    else store::setFindingStatus(db, id, std::string(domain::findingStatuses.code(next)));
    const auto after = *store::findFindingById(db, id);
    auto afterJson = findingJson(after);
    afterJson->set("decided_on", civil::formatDate(on));
    recordChange(db, actor, "finding." + std::string(domain::findingEvents.code(event)), "finding", std::to_string(id),
                 findingJson(before), afterJson);
    const bool repeats = event == FindingEvent::Confirm && flagRepeatProblem(db, actor, id).has_value();
    tx.commit();
    return repeats ? *store::findFindingById(db, id) : after;
}

}  // namespace

store::FindingRecord addFinding(store::Database& db, const Actor& actor, const FindingInput& input) {
    store::NewFinding f;
    f.category = requireLine(input.category, "问题类别", "category");
    f.title = requireLine(input.title, "问题标题", "title");
    f.detail = optionalText(input.detail, "问题详情", "detail");
    f.severity = domain::severities.checked(input.severity.value_or("medium"));
    if (input.amount) f.amountFen = requireAmount(*input.amount);
    if (input.peopleCount) f.peopleCount = requireCount(*input.peopleCount, "涉及人数", "people");
    if (input.peopleLevel && !input.peopleLevel->empty()) f.peopleLevel = input.peopleLevel;
    if (input.rectificationKind)
        f.rectificationKind = domain::rectificationKinds.checked(*input.rectificationKind);
    f.source = "manual";
    f.status = std::string(domain::findingStatuses.code(domain::initialFindingStatus(domain::FindingOrigin::Manual)));
    f.createdBy = actor.name;

    store::Transaction tx(db);
    const auto round = requireRoundFor(db, actor, input.roundCode, Access::Write, "记录问题");
    requireRecordingOpen(round);
    const auto unit = requireUnit(db, input.unitCode);
    requireTarget(db, round, unit);
    f.roundId = round.id;
    f.unitId = unit.id;
    const int64_t id = store::insertFinding(db, f);
    const auto stored = *store::findFindingById(db, id);
    recordChange(db, actor, "finding.add", "finding", std::to_string(id), nullptr, findingJson(stored));
    // A manual finding starts confirmed: it may repeat a rectified one of an earlier round.
    const bool repeats = flagRepeatProblem(db, actor, id).has_value();
    tx.commit();
    return repeats ? *store::findFindingById(db, id) : stored;
}

std::string describeLeftOut(const LeftOutUnit& unit, const std::string& roundCode) {
    const std::string count = "其 " + std::to_string(unit.findings) + " 个疑似问题未记录";
    if (unit.reason == LeftOutUnit::Reason::UnknownUnit)
        return "单位编码 " + unit.unitCode + " 不存在，" + count + "。请核对台账中的单位编码，或先登记该单位。";
    std::string why = "单位「" + unit.unitName + "」(" + unit.unitCode + ") 不是巡察轮次 " + roundCode + " 的巡察对象";
    if (!unit.conflictedMembers.empty()) {
        std::string names;
        for (const auto& name : unit.conflictedMembers) names += (names.empty() ? "「" : "、「") + name + "」";
        why += "（巡察组成员" + names + "已申报与该单位存在利害关系，需回避）";
    }
    return why + "，" + count + "。";
}

size_t RecordedChecks::leftOutFindings() const {
    size_t n = 0;
    for (const auto& unit : leftOut) n += unit.findings;
    return n;
}

namespace {

// Where each unit code of a check stands with the round: its unit id when it is a target,
// otherwise why its findings are left out. Asked once per unit, not once per finding.
class RoundScope {
public:
    RoundScope(store::Database& db, const store::RoundRecord& round) : db_(db) {
        for (const auto& target : store::roundTargets(db, round.id)) targets_.emplace(target.code, target.id);
        for (const auto& member : store::roundTeam(db, round.id)) team_.emplace(member.userId, member.name);
    }

    // The unit id to record under, or nothing (the finding is counted as left out).
    std::optional<int64_t> admit(std::string_view unitCode) {
        if (const auto it = targets_.find(unitCode); it != targets_.end()) return it->second;
        auto it = leftOut_.find(unitCode);
        if (it == leftOut_.end()) {
            it = leftOut_.emplace(std::string(unitCode), LeftOutUnit{}).first;
            describe(it->first, it->second);
        }
        ++it->second.findings;
        return std::nullopt;
    }

    std::vector<LeftOutUnit> leftOut() const {
        std::vector<LeftOutUnit> out;
        for (const auto& [code, unit] : leftOut_) out.push_back(unit);
        return out;
    }

private:
    void describe(const std::string& unitCode, LeftOutUnit& out) {
        out.unitCode = unitCode;
        const auto unit = store::findUnitByCode(db_, unitCode);
        if (!unit) {
            out.reason = LeftOutUnit::Reason::UnknownUnit;
            return;
        }
        out.unitName = unit->name;
        for (const auto& conflict : store::conflictsOnUnit(db_, unit->id))
            if (const auto member = team_.find(conflict.userId); member != team_.end())
                out.conflictedMembers.push_back(member->second);
    }

    store::Database& db_;
    std::map<std::string, int64_t, std::less<>> targets_;
    std::map<int64_t, std::string> team_;
    std::map<std::string, LeftOutUnit, std::less<>> leftOut_;
};

}  // namespace

namespace {

// A check's findings made ready to insert for one round, by reads alone: done before the write
// lock is taken, so that other writers wait only for the inserts.
struct PreparedRecording {
    int64_t roundId = 0;
    std::vector<int64_t> targetIds;  // what the scope was built from, sorted
    std::vector<AdmittedFinding> rows;  // places in the check's findings
    std::vector<LeftOutUnit> leftOut;
};

std::vector<int64_t> targetIdsOf(store::Database& db, int64_t roundId) {
    std::vector<int64_t> ids;
    for (const auto& target : store::roundTargets(db, roundId)) ids.push_back(target.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

PreparedRecording prepareRecording(store::Database& db, const store::RoundRecord& round,
                                   const CheckFindingSource& findings) {
    PreparedRecording prepared;
    prepared.roundId = round.id;
    prepared.targetIds = targetIdsOf(db, round.id);
    RoundScope scope(db, round);
    prepared.rows.reserve(findings.size());
    for (size_t i = 0; i < findings.size(); ++i) {
        const auto unitId = scope.admit(findings.unitCode(i));
        if (!unitId) continue;
        domain::severities.parse(findings.severity(i));
        prepared.rows.push_back({i, *unitId});
    }
    prepared.leftOut = scope.leftOut();
    return prepared;
}

// Drops from `admitted` the findings whose fingerprints the round holds already, and the repeats
// of a fingerprint within the check after its first; returns how many were dropped. The marks
// (views into the check's findings) are gone before the rows are written.
size_t keepNotYetRecorded(store::Database& db, int64_t roundId, const CheckFindingSource& findings,
                          std::vector<AdmittedFinding>& admitted) {
    // Each fingerprint marked once it is known to be recorded: the round's own are streamed past
    // the check's, not copied into a set of their own.
    FingerprintMarks recorded(admitted.size());
    for (const auto& a : admitted) recorded.add(findings.fingerprintKey(a.finding));
    std::string buffer;
    store::forEachFingerprintOfRound(db, roundId, [&recorded, &buffer](std::string_view fingerprint) {
        recorded.markIfAdded(fingerprintKey(fingerprint, buffer));
    });
    // In the check's order, marked now in either case: of a fingerprint repeated within the
    // check, the first finding is kept.
    size_t kept = 0;
    for (const AdmittedFinding& a : admitted)
        if (!recorded.markAndTellBefore(findings.fingerprintKey(a.finding))) admitted[kept++] = a;
    const size_t dropped = admitted.size() - kept;
    admitted.resize(kept);
    return dropped;
}

}  // namespace

RecordedChecks recordCheckFindings(store::Database& db, const Actor& actor, const std::string& roundCode,
                                   const std::vector<CheckFinding>& findings, const CheckRunInfo& run,
                                   const ProgressSink* progress) {
    return recordCheckFindings(db, actor, roundCode, OwnedCheckFindings(findings), run, progress);
}

RecordedChecks recordCheckFindings(store::Database& db, const Actor& actor, const std::string& roundCode,
                                   const CheckFindingSource& findings, const CheckRunInfo& run,
                                   const ProgressSink* progress) {
    // Refused and prepared before the transaction (reads only); checked again inside it, where
    // the round, its targets and what is already recorded may have changed meanwhile.
    auto prepared = [&] {
        const auto round = requireRoundFor(db, actor, roundCode, Access::Write, "记录检查发现的疑似问题");
        requireRecordingOpen(round);
        return prepareRecording(db, round, findings);
    }();
    RecordedChecks result;
    store::BulkWrite bulk(db);
    store::Transaction tx(db);
    const auto round = requireRoundFor(db, actor, roundCode, Access::Write, "记录检查发现的疑似问题");
    requireRecordingOpen(round);
    if (round.id != prepared.roundId || targetIdsOf(db, round.id) != prepared.targetIds)
        prepared = prepareRecording(db, round, findings);
    const size_t leftOut = findings.size() - prepared.rows.size();
    std::vector<AdmittedFinding> fresh = std::move(prepared.rows);
    result.alreadyRecorded = keepNotYetRecorded(db, round.id, findings, fresh);
    // Told in findings of the whole check, as the phase began: those left out of the round count
    // as done from the start, so the total does not shrink under the reader.
    ProgressSink ofTheCheck;
    if (progress && *progress)
        ofTheCheck = [progress, leftOut](const WorkProgress& p) {
            tell(progress, p.phase, p.done + leftOut, p.total + leftOut, p.items);
        };
    if (!fresh.empty()) bulk.growCache(recordingCacheBytes(fresh.size()));
    writeCheckFindings(db, actor, round.id, roundCode, findings, fresh, run, result.alreadyRecorded, &ofTheCheck);
    tell(progress, WorkPhase::Recording, findings.size(), findings.size(), WorkItems::Findings);
    result.added = fresh.size();
    result.leftOut = std::move(prepared.leftOut);
    tx.commit();
    return result;
}

std::vector<store::FindingRecord> listFindings(store::Database& db, const Actor& actor, const FindingFilter& filter) {
    store::FindingQuery query;
    if (filter.roundCode) query.roundId = requireVisibleRound(db, actor, *filter.roundCode).id;
    if (filter.unitCode) query.unitId = requireVisibleUnit(db, actor, *filter.unitCode).id;
    if (filter.status) query.status = domain::findingStatuses.checked(*filter.status);
    // Filtered in place: a second vector of 50,000 records would double what a ledger holds.
    auto visible = store::listFindings(db, query);
    std::erase_if(visible, [&](const store::FindingRecord& f) { return !canSeeFinding(db, actor, f); });
    for (auto& f : visible) f = asSeenBy(actor, std::move(f));
    return visible;
}

bool seesTransfers(const Actor& actor) { return actor.role != domain::Role::Unit; }

store::FindingRecord showFinding(store::Database& db, const Actor& actor, int64_t id) {
    return asSeenBy(actor, requireVisibleFinding(db, actor, id));
}

store::FindingRecord confirmFinding(store::Database& db, const Actor& actor, int64_t id, std::optional<int32_t> day) {
    return decide(db, actor, id, FindingEvent::Confirm, std::nullopt, day);
}

store::FindingRecord dismissFinding(store::Database& db, const Actor& actor, int64_t id, const std::string& reason,
                                    std::optional<int32_t> day) {
    domain::requireDismissalReason(reason);
    return decide(db, actor, id, FindingEvent::Dismiss, reason, day);
}

}  // namespace patrol::services
