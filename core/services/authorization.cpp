#include "core/services/authorization.hpp"

#include "core/domain/errors.hpp"
#include "core/domain/finding_status.hpp"
#include "core/store/round_membership_repository.hpp"

namespace patrol::services {

using domain::Role;

std::string describeActor(const Actor& actor) {
    return "用户「" + actor.name + "」（" + std::string(domain::roles.label(actor.role)) + "）";
}

void requireAdmin(const Actor& actor, const std::string& doing) {
    if (actor.role != Role::Admin)
        throw Forbidden(describeActor(actor) + "无权" + doing + "：只有巡察办管理员（admin）可以这样做。");
}

void requireAdminOrLeader(const Actor& actor, const std::string& doing) {
    if (actor.role != Role::Admin && actor.role != Role::Leader)
        throw Forbidden(describeActor(actor) + "无权" + doing + "：只有巡察办管理员（admin）和领导小组（leader）可以这样做。");
}

bool isRoundInspector(store::Database& db, const Actor& actor, int64_t roundId) {
    return actor.role == Role::Inspector && actor.userId && store::isTeamMember(db, roundId, *actor.userId);
}

bool canAccessRound(store::Database& db, const Actor& actor, const store::RoundRecord& round, Access access) {
    switch (actor.role) {
        case Role::Admin: return true;
        case Role::Leader: return access == Access::Read;
        case Role::Inspector: return isRoundInspector(db, actor, round.id);
        case Role::Unit:
            if (access == Access::Write || !actor.unitId) return false;
            for (const auto& unit : store::roundTargets(db, round.id))
                if (unit.id == *actor.unitId) return true;
            return false;
    }
    return false;
}

void requireRoundAccess(store::Database& db, const Actor& actor, const store::RoundRecord& round, Access access,
                        const std::string& doing) {
    if (canAccessRound(db, actor, round, access)) return;
    std::string who = "管理员";
    if (access == Access::Read) who += "、领导小组、该轮巡察组成员和被巡察单位";
    else who += "和该轮巡察组成员";
    throw Forbidden(describeActor(actor) + "无权" + doing + "（巡察轮次 " + round.code + "）：只有" + who + "可以这样做。");
}

bool canSeeFinding(store::Database& db, const Actor& actor, const store::FindingRecord& finding) {
    switch (actor.role) {
        case Role::Admin:
        case Role::Leader: return true;
        case Role::Inspector: return isRoundInspector(db, actor, finding.roundId);
        case Role::Unit: {
            if (actor.unitId != finding.unitId) return false;
            const auto status = domain::findingStatuses.parse(finding.status);
            return status != domain::FindingStatus::Suspected && status != domain::FindingStatus::Confirmed &&
                   status != domain::FindingStatus::Dismissed;
        }
    }
    return false;
}

bool canSeeRectification(store::Database& db, const Actor& actor, int64_t roundId, int64_t unitId) {
    switch (actor.role) {
        case Role::Admin:
        case Role::Leader: return true;
        case Role::Inspector: return isRoundInspector(db, actor, roundId);
        case Role::Unit: return actor.unitId == unitId;
    }
    return false;
}

}  // namespace patrol::services
