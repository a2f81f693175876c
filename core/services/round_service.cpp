#include "core/services/round_service.hpp"

#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <map>

#include "core/domain/errors.hpp"
#include "core/services/not_found.hpp"
#include "core/domain/event_date.hpp"
#include "core/domain/finding_status.hpp"
#include "core/domain/round_kind.hpp"
#include "core/domain/round_stage.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/authorization.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/record_json.hpp"
#include "core/services/unit_service.hpp"
#include "core/store/round_finding_counts.hpp"
#include "core/store/conflict_repository.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/transaction.hpp"
#include "core/store/user_repository.hpp"

namespace patrol::services {

using domain::RoundStage;

namespace {

[[noreturn]] void throwNoRound(const std::string& roundCode) {
    throw roundNotFound(roundCode);
}

std::string unitName(const store::UnitRecord& u) { return "「" + u.name + "」(" + u.code + ")"; }

Poco::JSON::Object::Ptr memberJson(const std::string& unitOrUser, const std::string& key, bool leader = false) {
    auto o = jsonObject();
    o->set(key, unitOrUser);
    if (key == "user") o->set("is_leader", leader);
    return o;
}

// Targets and team are settled before the report is written.
void requireMembershipOpen(const store::RoundRecord& round, const std::string& doing) {
    const RoundStage stage = domain::roundStages.parse(round.stage);
    if (stage != RoundStage::Planned && stage != RoundStage::Onsite)
        throw Conflict("巡察轮次 " + round.code + " 已处于" + domain::roundStages.quoted(stage) + "阶段，不能再" + doing +
                        "：只有「准备」和「进驻」阶段可以调整。");
}

store::UserRecord requireInspector(store::Database& db, const std::string& name) {
    const auto user = store::findUserByName(db, name);
    if (!user) throw userNotFound(name);
    if (user->revoked) throw Conflict("用户「" + name + "」的访问权限已被撤销，不能编入巡察组。");
    if (user->role != "inspector")
        throw UserError("用户「" + name + "」的角色是 " + user->role + "，不能编入巡察组：只有 inspector（巡察组成员）角色可以。");
    return *user;
}

// A lookback names its earlier round only to those who may see that round as well.
store::RoundRecord withVisibleLookback(store::Database& db, const Actor& actor, store::RoundRecord round) {
    if (!round.lookbackOf) return round;
    const auto earlier = store::findRoundById(db, *round.lookbackOf);
    if (!earlier || !canAccessRound(db, actor, *earlier, Access::Read)) {
        round.lookbackOf.reset();
        round.lookbackOfCode.reset();
    }
    return round;
}

std::string requireInstalledPlugin(const std::string& plugin, const std::optional<std::vector<std::string>>& installed) {
    const std::string id = requireCode(plugin, "插件编号", "plugins");
    if (!installed || std::find(installed->begin(), installed->end(), id) != installed->end()) return id;
    std::string names;
    for (const auto& known : *installed) names += (names.empty() ? "" : "、") + known;
    throw InvalidInput("plugins", "", "未知的检查插件 " + id + "。已安装的插件：" + (names.empty() ? "无" : names) + "。请检查插件编号。");
}

}  // namespace

store::RoundRecord requireRound(store::Database& db, const std::string& roundCode) {
    if (auto round = store::findRoundByCode(db, roundCode)) return *round;
    throwNoRound(roundCode);
}

store::RoundRecord requireVisibleRound(store::Database& db, const Actor& actor, const std::string& roundCode) {
    auto round = store::findRoundByCode(db, roundCode);
    if (!round || !canAccessRound(db, actor, *round, Access::Read)) throwNoRound(roundCode);
    return *round;
}

store::RoundRecord requireRoundFor(store::Database& db, const Actor& actor, const std::string& roundCode, Access access,
                                   const std::string& doing) {
    auto round = requireVisibleRound(db, actor, roundCode);
    requireRoundAccess(db, actor, round, access, doing);
    return round;
}

store::RoundRecord createRound(store::Database& db, const Actor& actor, const RoundInput& input) {
    requireAdmin(actor, "创建巡察轮次");
    store::NewRound round;
    round.code = requireCode(input.code, "轮次编码", "code");
    round.title = requireLine(input.title, "轮次名称", "title");
    const auto kind = domain::roundKinds.parse(input.kind);
    round.kind = std::string(domain::roundKinds.code(kind));
    const int32_t start = requireDate(input.start, "开始日期", "start");
    const int32_t end = requireDate(input.end, "结束日期", "end");
    if (end < start)
        throw UserError("结束日期 " + input.end + " 早于开始日期 " + input.start + "。请检查两个日期。");
    round.startDate = civil::formatDate(start);
    round.endDate = civil::formatDate(end);
    if (input.term && !input.term->empty()) round.term = input.term;
    for (const auto& plugin : input.plugins) round.plugins.push_back(requireInstalledPlugin(plugin, input.installedPlugins));

    store::Transaction tx(db);
    if (const auto existing = store::findRoundByCode(db, round.code))
        throw Conflict("轮次编码「" + round.code + "」已存在（" + existing->title + "）。请换一个编码。");
    if (kind == domain::RoundKind::Lookback) {
        if (!input.lookbackOf || input.lookbackOf->empty())
            throw UserError("回头看（lookback）轮次必须指明所回看的轮次（lookback-of），例如 2025-R1。");
        const auto earlier = requireRound(db, *input.lookbackOf);
        if (earlier.startDate >= round.startDate)
            throw UserError("所回看的轮次 " + earlier.code + " 开始于 " + earlier.startDate + "，不早于本轮的开始日期 " +
                            round.startDate + "：回头看只能针对更早的轮次。");
        round.lookbackOf = earlier.id;
    } else if (input.lookbackOf) {
        throw UserError("只有回头看（lookback）类型的轮次才能指明所回看的轮次；本轮类型是 " + round.kind + "。");
    }
    const int64_t id = store::insertRound(db, round);
    const auto stored = *store::findRoundById(db, id);
    recordChange(db, actor, "round.create", "round", stored.code, nullptr, roundJson(stored));
    tx.commit();
    return stored;
}

std::vector<store::UnitRecord> addRoundTargets(store::Database& db, const Actor& actor, const std::string& roundCode,
                                               const std::vector<std::string>& unitCodes) {
    requireAdmin(actor, "确定巡察对象");
    if (unitCodes.empty()) throw UserError("请至少指定一个被巡察单位的编码。");
    store::Transaction tx(db);
    const auto round = requireRound(db, roundCode);
    requireMembershipOpen(round, "增加巡察对象");
    const auto team = store::roundTeam(db, round.id);
    std::vector<store::UnitRecord> added;
    for (const auto& code : unitCodes) {
        const auto unit = requireUnit(db, code);
        for (const auto& conflict : store::conflictsOnUnit(db, unit.id))
            for (const auto& member : team)
                if (member.userId == conflict.userId)
                    throw Conflict("不能把" + unitName(unit) + "列为巡察轮次 " + round.code + " 的巡察对象：巡察组成员「" +
                                    member.name + "」已申报与该单位存在利害关系，需回避。请先调整巡察组，或选择其他单位。");
        if (store::insertRoundTarget(db, round.id, unit.id)) added.push_back(unit);
    }
    // One event per unit; the round's state, which holds every target, goes with the last only:
    // repeating it on each would make adding N units write and hash N² target rows under the lock.
    for (size_t i = 0; i < added.size(); ++i) {
        const auto item = memberJson(added[i].code, "unit");
        if (i + 1 < added.size())
            recordItemChange(db, actor, "round.target.add", "round", round.code, item);
        else
            recordChange(db, actor, "round.target.add", "round", round.code, nullptr, item);
    }
    tx.commit();
    return added;
}

std::vector<store::TeamMember> addRoundTeam(store::Database& db, const Actor& actor, const std::string& roundCode,
                                            const std::vector<std::string>& userNames,
                                            const std::optional<std::string>& leader) {
    requireAdmin(actor, "组建巡察组");
    std::vector<std::string> names = userNames;
    if (leader && std::find(names.begin(), names.end(), *leader) == names.end()) names.push_back(*leader);
    if (names.empty()) throw UserError("请至少指定一名巡察组成员的姓名。");
    store::Transaction tx(db);
    const auto round = requireRound(db, roundCode);
    requireMembershipOpen(round, "调整巡察组");
    const auto targets = store::roundTargets(db, round.id);
    for (const auto& name : names) {
        const auto user = requireInspector(db, name);
        for (const auto& conflict : store::conflictsOfUser(db, user.id))
            for (const auto& target : targets)
                if (target.id == conflict.unitId)
                    throw Conflict("用户「" + name + "」已申报与" + unitName(target) + "存在利害关系，需回避，不能编入巡察轮次 " +
                                    round.code + " 的巡察组（该单位是本轮巡察对象）。请另选成员。");
        const bool isLeader = leader && *leader == name;
        if (isLeader) store::clearTeamLeader(db, round.id);
        store::upsertTeamMember(db, round.id, user.id, isLeader);
        recordChange(db, actor, isLeader ? "round.team.leader" : "round.team.add", "round", round.code, nullptr,
                     memberJson(name, "user", isLeader));
    }
    auto team = store::roundTeam(db, round.id);
    tx.commit();
    return team;
}

std::vector<store::UnitRecord> removeRoundTargets(store::Database& db, const Actor& actor, const std::string& roundCode,
                                                  const std::vector<std::string>& unitCodes) {
    requireAdmin(actor, "调整巡察对象");
    if (unitCodes.empty()) throw UserError("请至少指定一个要移出的单位编码。");
    store::Transaction tx(db);
    const auto round = requireRound(db, roundCode);
    requireMembershipOpen(round, "移出巡察对象");
    std::vector<store::UnitRecord> removed;
    for (const auto& code : unitCodes) {
        const auto unit = requireUnit(db, code);
        if (const int64_t findings = store::countTargetFindings(db, round.id, unit.id); findings > 0)
            throw Conflict("不能把" + unitName(unit) + "移出巡察轮次 " + round.code + " 的巡察对象：本轮已为该单位记录了 " +
                            std::to_string(findings) + " 条问题（含已排除的）。问题记录不会删除，有问题记录的单位须保留为巡察对象。");
        if (!store::deleteRoundTarget(db, round.id, unit.id))
            throw Conflict(unitName(unit) + "不是巡察轮次 " + round.code + " 的巡察对象，无需移出。请检查单位编码（可查看该轮次的巡察对象）。",
                           {"round.show", round.code});
        recordChange(db, actor, "round.target.remove", "round", round.code, memberJson(unit.code, "unit"), nullptr);
        removed.push_back(unit);
    }
    tx.commit();
    return removed;
}

std::vector<store::TeamMember> removeRoundTeam(store::Database& db, const Actor& actor, const std::string& roundCode,
                                               const std::vector<std::string>& userNames) {
    requireAdmin(actor, "调整巡察组");
    if (userNames.empty()) throw UserError("请至少指定一名要移出巡察组的成员姓名。");
    store::Transaction tx(db);
    const auto round = requireRound(db, roundCode);
    requireMembershipOpen(round, "调整巡察组");
    const auto team = store::roundTeam(db, round.id);
    std::vector<store::TeamMember> leaving;
    for (const auto& name : userNames) {
        const auto member = std::find_if(team.begin(), team.end(), [&](const auto& m) { return m.name == name; });
        if (member == team.end())
            throw Conflict("「" + name + "」不是巡察轮次 " + round.code + " 的巡察组成员，无需移出。请检查姓名（可查看该轮次的巡察组）。",
                           {"round.show", round.code});
        if (std::none_of(leaving.begin(), leaving.end(), [&](const auto& m) { return m.userId == member->userId; }))
            leaving.push_back(*member);
    }
    const bool emptied = leaving.size() == team.size();
    for (const auto& member : leaving) {
        if (member.isLeader && !emptied)
            throw Conflict("不能移出组长「" + member.name + "」：移出后巡察轮次 " + round.code +
                            " 的巡察组将没有组长。请先指定新的组长，再移出。",
                           {"round.leader", round.code});
        store::deleteTeamMember(db, round.id, member.userId);
        recordChange(db, actor, "round.team.remove", "round", round.code, memberJson(member.name, "user", member.isLeader),
                     nullptr);
    }
    auto after = store::roundTeam(db, round.id);
    tx.commit();
    return after;
}

bool RoundEdited::changed() const {
    return before.title != after.title || before.startDate != after.startDate || before.endDate != after.endDate;
}

RoundEdited editRound(store::Database& db, const Actor& actor, const std::string& roundCode, const RoundEdit& edit) {
    requireAdmin(actor, "修改巡察轮次");
    store::Transaction tx(db);
    RoundEdited result{requireRound(db, roundCode), {}};
    store::RoundRecord& r = result.after = result.before;
    const RoundStage stage = domain::roundStages.parse(r.stage);
    if (stage == RoundStage::Closed)
        throw Conflict("巡察轮次 " + r.code + " 已处于" + domain::roundStages.quoted(stage) +
                        "阶段，不能再修改名称和日期：已结束的轮次保持原样。");
    if (edit.title) r.title = requireLine(*edit.title, "轮次名称", "title");
    if (edit.start) r.startDate = civil::formatDate(requireDate(*edit.start, "开始日期", "start"));
    if (edit.end) r.endDate = civil::formatDate(requireDate(*edit.end, "结束日期", "end"));
    if (r.endDate < r.startDate)
        throw UserError("结束日期 " + r.endDate + " 早于开始日期 " + r.startDate + "。请检查两个日期。");
    for (const auto& [entered, on] : store::roundStageDates(db, r.id))
        if (entered != "planned" && on < r.startDate)
            throw UserError("开始日期 " + r.startDate + " 晚于该轮进入" + domain::roundStages.quotedOf(entered) + "阶段的日期 " +
                            on + "：开始日期是计划进驻的日期，不能晚于已记录的阶段。请检查日期。");
    if (r.lookbackOfCode) {
        const auto earlier = requireRound(db, *r.lookbackOfCode);
        if (earlier.startDate >= r.startDate)
            throw UserError("所回看的轮次 " + earlier.code + " 开始于 " + earlier.startDate + "，不早于新的开始日期 " +
                            r.startDate + "：回头看只能针对更早的轮次。");
    }
    for (const auto& later : store::listRounds(db))
        if (later.lookbackOf == r.id && later.startDate <= r.startDate)
            throw UserError("回头看轮次 " + later.code + "（开始于 " + later.startDate + "）回看的是本轮，本轮须开始得比它早，而新的开始日期是 " +
                            r.startDate + "。请检查日期。");
    if (!result.changed()) return result;
    store::updateRoundPlan(db, r.id, r.title, r.startDate, r.endDate);
    result.after = *store::findRoundById(db, r.id);
    recordChange(db, actor, "round.edit", "round", r.code, roundJson(result.before), roundJson(result.after));
    tx.commit();
    return result;
}

store::RoundRecord advanceRound(store::Database& db, const Actor& actor, const std::string& roundCode,
                                const std::string& stageWord, const std::optional<std::string>& date,
                                const FeedbackHandler& onFeedback) {
    const RoundStage requested = domain::roundStages.parse(stageWord);
    const int32_t day = date ? requireDate(*date, "推进日期", "date") : localToday();
    store::Transaction tx(db);
    const auto round = requireRoundFor(db, actor, roundCode, Access::Write, "推进巡察阶段");
    const RoundStage current = domain::roundStages.parse(round.stage);
    domain::advanceRoundStage(current, requested);
    const std::string dayText = civil::formatDate(day);
    std::vector<domain::DatedEvent> entered;
    for (const auto& [stage, enteredOn] : store::roundStageDates(db, round.id))
        entered.push_back({"进入「" + domain::roundStages.labelOf(stage) + "」阶段", requireDate(enteredOn, "阶段日期")});
    domain::checkEventDate({"进入「" + std::string(domain::roundStages.label(requested)) + "」阶段", day}, localToday(),
                           domain::latestEvent(entered));

    std::vector<int64_t> fedBack;
    if (requested == RoundStage::FedBack) {
        const auto undecided = store::listFindings(db, {round.id, std::nullopt, std::string("suspected"), {}});
        if (!undecided.empty()) {
            std::string ids;
            for (size_t i = 0; i < undecided.size() && i < 10; ++i)
                ids += (i ? "、#" : "#") + std::to_string(undecided[i].id);
            if (undecided.size() > 10) ids += " 等";
            throw Conflict("巡察轮次 " + round.code + " 还有 " + std::to_string(undecided.size()) + " 条疑似问题未确认或排除（" +
                            ids + "）。请先逐条确认或排除，再进入反馈阶段。");
        }
    }
    store::setRoundStage(db, round.id, std::string(domain::roundStages.code(requested)), dayText);
    const auto moved = *store::findRoundById(db, round.id);
    auto after = roundJson(moved);
    after->set("entered_on", dayText);
    recordChange(db, actor, "round.advance", "round", round.code, roundJson(round), after);

    if (requested == RoundStage::FedBack) {
        for (const auto& finding : store::listFindings(db, {round.id, std::nullopt, std::string("confirmed"), {}})) {
            const auto status = domain::applyFindingEvent(domain::FindingStatus::Confirmed, domain::FindingEvent::FeedBack);
            store::setFindingStatus(db, finding.id, std::string(domain::findingStatuses.code(status)));
            recordChange(db, actor, "finding.feed_back", "finding", std::to_string(finding.id), findingJson(finding),
                         findingJson(*store::findFindingById(db, finding.id)));
            fedBack.push_back(finding.id);
        }
        if (onFeedback) onFeedback(FeedbackEntry{db, actor, moved, day, fedBack});
    }
    // Closing (评估销号) needs every rectification task accepted; rectified findings close with it.
    if (requested == RoundStage::Closed) closeRoundRectification(db, moved, actor);
    tx.commit();
    return moved;
}

std::vector<store::RoundRecord> listRounds(store::Database& db, const Actor& actor) {
    std::vector<store::RoundRecord> visible;
    for (auto& round : store::listRounds(db))
        if (canAccessRound(db, actor, round, Access::Read)) visible.push_back(withVisibleLookback(db, actor, std::move(round)));
    return visible;
}

RoundDetail showRound(store::Database& db, const Actor& actor, const std::string& roundCode) {
    RoundDetail detail{withVisibleLookback(db, actor, requireVisibleRound(db, actor, roundCode)), {}, {}, {}, {}};
    detail.stageDates = store::roundStageDates(db, detail.round.id);
    detail.targets = store::roundTargets(db, detail.round.id);
    if (actor.role == domain::Role::Unit)
        std::erase_if(detail.targets, [&](const store::UnitRecord& u) { return u.id != actor.unitId; });
    else
        detail.team = store::roundTeam(db, detail.round.id);
    std::map<std::string, int64_t> counts;
    // Counted in SQL per status. Whether the actor sees a finding depends only on its round, unit
    // and status, and on the unit only for a unit user, who may see its own unit's alone: so that
    // unit's findings are counted for a unit user, the round's for anyone else, and one stand-in
    // per status asks canSeeFinding.
    const auto unit = actor.role == domain::Role::Unit ? std::optional<int64_t>(actor.unitId.value_or(0)) : std::nullopt;
    for (const auto& [status, count] : store::countFindingsByStatus(db, detail.round.id, unit)) {
        store::FindingRecord f;
        f.roundId = detail.round.id;
        f.unitId = unit.value_or(0);
        f.status = status;
        if (canSeeFinding(db, actor, f)) counts[status] += count;
    }
    for (const auto& term : domain::findingStatuses.terms())
        if (auto it = counts.find(std::string(term.code)); it != counts.end()) detail.findingCounts.emplace_back(it->first, it->second);
    return detail;
}

}  // namespace patrol::services
