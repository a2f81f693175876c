#include "core/services/finding_review.hpp"

#include <map>
#include <set>

#include <patrol/sdk/civil.hpp>

#include "core/domain/errors.hpp"
#include "core/domain/event_date.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/authorization.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/record_json.hpp"
#include "core/services/repeat_problems.hpp"
#include "core/services/input_checks.hpp"
#include "core/store/clock.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/transaction.hpp"

namespace patrol::services {

using domain::FindingEvent;

namespace {

// A check's finding has source "check:<plugin>/<rule>"; a manual one has neither.
bool fromCheck(const store::FindingRecord& f, const std::optional<std::string>& plugin,
               const std::optional<std::string>& rule) {
    if (!plugin && !rule) return true;
    const std::string prefix = "check:";
    const auto slash = f.source.find('/');
    if (f.source.rfind(prefix, 0) != 0 || slash == std::string::npos) return false;
    if (plugin && f.source.substr(prefix.size(), slash - prefix.size()) != *plugin) return false;
    return !rule || f.source.substr(slash + 1) == *rule;
}

// The chosen findings, in the order given; nullopt for a number the actor cannot see.
std::vector<std::pair<int64_t, std::optional<store::FindingRecord>>> select(store::Database& db, const Actor& actor,
                                                                            const FindingSelection& s) {
    std::vector<std::pair<int64_t, std::optional<store::FindingRecord>>> out;
    if (s.ids.empty()) {
        const FindingFilter filter{s.roundCode, s.unitCode, s.status.value_or("suspected")};
        for (auto& f : listFindings(db, actor, filter))
            if (fromCheck(f, s.plugin, s.rule)) out.emplace_back(f.id, std::move(f));
        return out;
    }
    std::set<int64_t> seen;
    for (const int64_t id : s.ids) {
        if (!seen.insert(id).second) continue;
        auto f = store::findFindingById(db, id);
        // What the actor may not see is reported exactly like what does not exist.
        if (f && !canSeeFinding(db, actor, *f)) f.reset();
        out.emplace_back(id, std::move(f));
    }
    return out;
}

// Why one chosen finding cannot be decided, and which kind of refusal that is.
struct Problem {
    ErrorKind kind;
    std::string text;
};

// The batch is refused with the kind of its first problem, so a front door answers a hidden or
// missing number as not found, a round the actor may not change as forbidden, a state as conflict.
[[noreturn]] void refuse(const Problem& first, const std::string& message) {
    switch (first.kind) {
        // The batch, not one record: no listing hint is added to it.
        case ErrorKind::NotFound: throw NotFound("finding_batch", message);
        case ErrorKind::Forbidden: throw Forbidden(message);
        case ErrorKind::Conflict: throw Conflict(message);
        default: throw UserError(message);
    }
}

// Why `f` cannot be decided by `event` on `day`, or nothing when it can.
std::optional<Problem> obstacle(store::Database& db, const Actor& actor, const store::FindingRecord& f, FindingEvent event,
                                int32_t day, std::map<int64_t, std::optional<Problem>>& roundRefusals) {
    const std::string doing = std::string(domain::findingEvents.label(event)) + "问题";
    auto refusal = roundRefusals.find(f.roundId);
    if (refusal == roundRefusals.end()) {
        std::optional<Problem> why;
        try {
            requireRoundAccess(db, actor, *store::findRoundById(db, f.roundId), Access::Write, doing);
        } catch (const UserError& e) {
            why = Problem{e.kind(), e.what()};
        }
        refusal = roundRefusals.emplace(f.roundId, why).first;
    }
    const std::string name = "问题 #" + std::to_string(f.id);
    if (refusal->second) return Problem{refusal->second->kind, name + "：" + refusal->second->text};
    const auto source = domain::findingEventSource(event);
    if (domain::findingStatuses.parse(f.status) != source)
        return Problem{ErrorKind::Conflict, name + " 当前状态为" + domain::findingStatuses.quotedOf(f.status) + "，只有" +
               domain::findingStatuses.quoted(source) + "状态的问题可以「" + std::string(domain::findingEvents.label(event)) + "」。"};
    if (auto late = domain::eventDateRefusal({doing, day}, localToday(), domain::DatedEvent{"问题登记", store::localDateOf(f.createdAt)}))
        return Problem{ErrorKind::InvalidInput, name + "：" + *late};
    return std::nullopt;
}

}  // namespace

BulkReview reviewFindings(store::Database& db, const Actor& actor, const FindingSelection& selection, FindingEvent event,
                          const std::optional<std::string>& reason, const std::function<bool(size_t)>& proceed,
                          std::optional<int32_t> day) {
    if (event == FindingEvent::Dismiss) domain::requireDismissalReason(reason.value_or(""));
    const int32_t on = day.value_or(localToday());
    store::Transaction tx(db);
    const auto chosen = select(db, actor, selection);
    std::vector<Problem> problems;
    std::map<int64_t, std::optional<Problem>> roundRefusals;
    BulkReview review;
    for (const auto& [id, f] : chosen) {
        if (!f) problems.push_back({ErrorKind::NotFound, "问题 #" + std::to_string(id) + " 不存在，或您无权查看。"});
        else if (auto why = obstacle(db, actor, *f, event, on, roundRefusals)) problems.push_back(*why);
        else review.findings.push_back(*f);
    }
    if (!problems.empty()) {
        const std::string verb(domain::findingEvents.label(event));
        std::string message = problems.size() == 1
                                  ? problems.front().text
                                  : "共有 " + std::to_string(problems.size()) + " 个问题不能" + verb + "，第一个：" + problems.front().text;
        refuse(problems.front(), message + "本批 " + std::to_string(chosen.size()) + " 个问题均未" + verb + "，没有任何改动；请去掉或改正" +
                        (problems.size() == 1 ? "这个问题" : "这些问题") + "后重试。");
    }
    if (review.findings.empty() || !proceed(review.findings.size())) return review;

    const auto target = std::string(domain::findingStatuses.code(domain::findingEventTarget(event)));
    const std::string action = "finding." + std::string(domain::findingEvents.code(event));
    RepeatProblemFlagger repeats(db, actor);
    for (auto& f : review.findings) {
        if (event == FindingEvent::Dismiss) store::setFindingDismissed(db, f.id, *reason);
        else store::setFindingStatus(db, f.id, target);
        auto after = *store::findFindingById(db, f.id);
        auto afterJson = findingJson(after);
        afterJson->set("decided_on", civil::formatDate(on));
        recordChange(db, actor, action, "finding", std::to_string(f.id), findingJson(f), afterJson);
        if (event == FindingEvent::Confirm && repeats.flag(after)) after = *store::findFindingById(db, f.id);
        f = std::move(after);
    }
    tx.commit();
    review.applied = true;
    return review;
}

}  // namespace patrol::services
