#include "core/services/clue_service.hpp"

#include <patrol/sdk/civil.hpp>

#include <map>
#include <set>

#include "core/domain/errors.hpp"
#include "core/services/not_found.hpp"
#include "core/domain/event_date.hpp"
#include "core/domain/finding_status.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/authorization.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/record_json.hpp"
#include "core/services/round_service.hpp"
#include "core/store/finding_links.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/transaction.hpp"

namespace patrol::services {

using domain::Role;

namespace {

bool seesClues(store::Database& db, const Actor& actor, int64_t roundId) {
    switch (actor.role) {
        case Role::Admin:
        case Role::Leader: return true;
        case Role::Inspector: return isRoundInspector(db, actor, roundId);
        case Role::Unit: return false;
    }
    return false;
}

// Only admin and the round's inspectors change clues; leaders read them.
void requireClueWriter(store::Database& db, const Actor& actor, int64_t roundId, const std::string& roundCode,
                       const std::string& doing) {
    if (actor.role == Role::Admin || isRoundInspector(db, actor, roundId)) return;
    throw Forbidden(describeActor(actor) + "无权" + doing + "：只有管理员和巡察轮次 " + roundCode + " 的巡察组成员可以这样做。");
}

ClueView viewOf(store::Database& db, store::ClueRecord clue) {
    ClueView v{std::move(clue), domain::ClueStatus::Transferred, std::nullopt, {}, {}};
    v.disposals = store::listDisposals(db, v.clue.id);
    v.outcomes = store::listOutcomes(db, v.clue.id);
    for (const auto& d : v.disposals) {
        v.status = domain::applyDisposal(v.status, domain::disposalMethods.parse(d.method));
        v.method = d.method;
    }
    if (!v.outcomes.empty()) v.status = domain::ClueStatus::Concluded;
    return v;
}

ClueView requireVisibleClue(store::Database& db, const Actor& actor, int64_t clueId) {
    auto clue = store::findClueById(db, clueId);
    if (!clue || !seesClues(db, actor, clue->roundId))
        throw clueNotFound(clueId);
    return viewOf(db, *clue);
}

Poco::JSON::Object::Ptr clueJson(const ClueView& v) {
    auto o = jsonObject();
    o->set("id", v.clue.id);
    o->set("finding_id", v.clue.findingId);
    o->set("receiver", v.clue.receiver);
    o->set("transferred_on", v.clue.transferredOn);
    o->set("reply_due", orNull(v.clue.replyDue));
    o->set("status", std::string(domain::clueStatuses.code(v.status)));
    o->set("method", orNull(v.method));
    o->set("outcomes", static_cast<int64_t>(v.outcomes.size()));
    return o;
}

int32_t threeMonthsLater(int32_t day) {
    auto ymd = civil::fromDays(day);
    ymd.month += 3;
    if (ymd.month > 12) {
        ymd.month -= 12;
        ymd.year += 1;
    }
    ymd.day = std::min(ymd.day, civil::daysInMonth(ymd.year, ymd.month));
    return civil::toDays(ymd);
}

std::optional<std::string> optionalWord(const std::optional<std::string>& word, std::string (*check)(std::string_view)) {
    if (!word) return std::nullopt;
    return check(*word);
}

// The clue's latest event, transfer or disposal, which the next step may not precede.
domain::DatedEvent latestClueEvent(const ClueView& v) {
    std::vector<domain::DatedEvent> events{{"线索移交", *civil::parseDate(v.clue.transferredOn)}};
    for (const auto& d : v.disposals) events.push_back({"线索处置", *civil::parseDate(d.decidedOn)});
    return *domain::latestEvent(events);
}

}  // namespace

ClueView transferClue(store::Database& db, const Actor& actor, int64_t findingId, const std::string& receiver,
                      int32_t day) {
    const auto body = domain::receivingBodies.parse(receiver);
    store::Transaction tx(db);
    const auto finding = store::findFindingById(db, findingId);
    if (!finding || !canSeeFinding(db, actor, *finding))
        throw findingNotFound(findingId);
    requireClueWriter(db, actor, finding->roundId, finding->roundCode, "移交问题线索");
    if (finding->status == "suspected" || finding->status == "dismissed")
        throw Conflict("问题 #" + std::to_string(findingId) + " 的状态为" +
                        domain::findingStatuses.quotedOf(finding->status) +
                        "，不能移交：只有已确认的问题可以作为线索移交。请先确认该问题。");
    if (const auto existing = store::findClueByFinding(db, findingId))
        throw Conflict("问题 #" + std::to_string(findingId) + " 已于 " + existing->transferredOn + " 移交" +
                        existing->receiver + "（线索 #" + std::to_string(existing->id) + "），不能重复移交。");
    domain::checkEventDate({"线索移交", day}, localToday(), std::nullopt);
    store::ClueRecord clue;
    clue.findingId = findingId;
    clue.receiver = std::string(domain::receivingBodies.code(body));
    clue.transferredOn = civil::formatDate(day);
    clue.replyDue = civil::formatDate(threeMonthsLater(day));
    clue.createdBy = actor.name;
    const int64_t id = store::insertClue(db, clue);
    store::setFindingTransferred(db, findingId);
    // The finding's own row changed too: its event keeps `audit verify` able to vouch for it.
    recordChange(db, actor, "finding.transfer", "finding", std::to_string(findingId), findingJson(*finding),
                 findingJson(*store::findFindingById(db, findingId)));
    const auto view = viewOf(db, *store::findClueById(db, id));
    recordChange(db, actor, "clue.transfer", "clue", std::to_string(id), nullptr, clueJson(view));
    tx.commit();
    return view;
}

ClueView disposeClue(store::Database& db, const Actor& actor, int64_t clueId, const std::string& method,
                     const std::optional<std::string>& note, int32_t day) {
    store::Transaction tx(db);
    const auto before = requireVisibleClue(db, actor, clueId);
    requireClueWriter(db, actor, before.clue.roundId, before.clue.roundCode, "处置问题线索");
    if (note) optionalText(*note, "处置说明", "note");
    const auto chosen = domain::disposalMethods.parse(method);
    domain::applyDisposal(before.status, chosen);
    domain::checkEventDate({"线索处置", day}, localToday(), latestClueEvent(before));
    store::insertDisposal(db, {0, clueId, std::string(domain::disposalMethods.code(chosen)), civil::formatDate(day), note});
    const auto after = viewOf(db, before.clue);
    auto afterJson = clueJson(after);
    afterJson->set("decided_on", civil::formatDate(day));
    if (note) afterJson->set("note", *note);
    recordChange(db, actor, "clue.dispose", "clue", std::to_string(clueId), clueJson(before), afterJson);
    tx.commit();
    return after;
}

ClueView recordOutcome(store::Database& db, const Actor& actor, int64_t clueId, const OutcomeInput& input, int32_t day) {
    store::Transaction tx(db);
    const auto before = requireVisibleClue(db, actor, clueId);
    requireClueWriter(db, actor, before.clue.roundId, before.clue.roundCode, "登记线索处理结果");
    domain::PersonOutcome outcome;
    outcome.person = requireLine(input.person, "被处理人", "person");
    outcome.level = domain::cadreLevels.parse(input.level);
    outcome.form = domain::disciplineForms.parse(input.form);
    outcome.partySanction = optionalWord(input.partySanction, domain::requirePartySanction);
    outcome.governmentSanction = optionalWord(input.governmentSanction, domain::requireGovernmentSanction);
    outcome.organizationalHandling = optionalWord(input.organizationalHandling, domain::requireOrganizationalHandling);
    outcome.referredToProsecutors = input.referred;
    outcome.recoveredFen = input.recovered ? requireAmount(*input.recovered, "recovered") : 0;
    const auto method = before.method ? std::optional(domain::disposalMethods.parse(*before.method)) : std::nullopt;
    domain::applyOutcome(before.status, method, outcome);
    domain::checkEventDate({"处理结果登记", day}, localToday(), latestClueEvent(before));
    store::OutcomeRecord record;
    record.clueId = clueId;
    record.person = outcome.person;
    record.personLevel = std::string(domain::cadreLevels.code(outcome.level));
    record.form = std::string(domain::disciplineForms.code(outcome.form));
    record.partySanction = outcome.partySanction;
    record.govSanction = outcome.governmentSanction;
    record.orgHandling = outcome.organizationalHandling;
    record.referred = outcome.referredToProsecutors;
    record.recoveredFen = outcome.recoveredFen;
    record.recordedOn = civil::formatDate(day);
    const int64_t outcomeId = store::insertOutcome(db, record);
    const auto after = viewOf(db, before.clue);
    auto afterJson = clueJson(after);
    afterJson->set("outcome_id", outcomeId);
    afterJson->set("recorded_on", record.recordedOn);
    afterJson->set("person", record.person);
    afterJson->set("form", *record.form);
    recordChange(db, actor, "clue.outcome", "clue", std::to_string(clueId), clueJson(before), afterJson);
    tx.commit();
    return after;
}

ClueView showClue(store::Database& db, const Actor& actor, int64_t clueId) {
    return requireVisibleClue(db, actor, clueId);
}

std::vector<ClueView> listClues(store::Database& db, const Actor& actor, const std::optional<std::string>& roundCode) {
    std::optional<int64_t> roundId;
    if (roundCode) roundId = requireVisibleRound(db, actor, *roundCode).id;
    std::vector<ClueView> out;
    for (auto& clue : store::listClues(db, roundId))
        if (seesClues(db, actor, clue.roundId)) out.push_back(viewOf(db, std::move(clue)));
    return out;
}

std::vector<ClueFigures> clueStatistics(store::Database& db, const Actor& actor,
                                        const std::optional<std::string>& roundCode) {
    return clueFiguresOf(listClues(db, actor, roundCode));
}

std::vector<ClueFigures> clueFiguresOf(const std::vector<ClueView>& clues) {
    std::map<std::string, ClueFigures> byBody;
    std::map<std::string, std::set<std::string>> people, sanctioned;
    ClueFigures total;
    total.receiver = "合计";
    std::set<std::string> allPeople, allSanctioned;
    for (const auto& v : clues) {
        for (ClueFigures* f : {&byBody[v.clue.receiver], &total}) {
            f->clues += 1;
            f->concluded += v.status == domain::ClueStatus::Concluded ? 1 : 0;
        }
        byBody[v.clue.receiver].receiver = v.clue.receiver;
        for (const auto& o : v.outcomes) {
            people[v.clue.receiver].insert(o.person);
            allPeople.insert(o.person);
            const bool isSanctioned = o.partySanction || o.govSanction;
            if (isSanctioned) {
                sanctioned[v.clue.receiver].insert(o.person);
                allSanctioned.insert(o.person);
            }
            for (ClueFigures* f : {&byBody[v.clue.receiver], &total}) {
                if (o.form) f->formCounts[static_cast<int>(domain::disciplineForms.parse(*o.form))] += 1;
                f->referred += o.referred ? 1 : 0;
                f->recoveredFen += o.recoveredFen;
            }
        }
    }
    std::vector<ClueFigures> out;
    for (const auto& term : domain::receivingBodies.terms()) {
        const std::string body(term.code);
        auto it = byBody.find(body);
        if (it == byBody.end()) continue;
        it->second.people = static_cast<int64_t>(people[body].size());
        it->second.sanctionedPeople = static_cast<int64_t>(sanctioned[body].size());
        out.push_back(it->second);
    }
    total.people = static_cast<int64_t>(allPeople.size());
    total.sanctionedPeople = static_cast<int64_t>(allSanctioned.size());
    out.push_back(total);
    return out;
}

}  // namespace patrol::services
