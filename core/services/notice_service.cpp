#include "core/services/notice_service.hpp"

#include <patrol/sdk/civil.hpp>

#include "core/domain/escalation.hpp"
#include "core/services/authorization.hpp"
#include "core/services/round_service.hpp"
#include "core/services/unit_service.hpp"

namespace patrol::services {

namespace {

bool canSeeNotice(store::Database& db, const Actor& actor, const store::NoticeRecord& notice) {
    // A notice about no task is the office's own business.
    if (!notice.roundId || !notice.unitId) return actor.role == domain::Role::Admin || actor.role == domain::Role::Leader;
    return canSeeRectification(db, actor, *notice.roundId, *notice.unitId);
}

}  // namespace

std::vector<store::NoticeRecord> listNotices(store::Database& db, const Actor& actor, const NoticeFilter& filter) {
    store::NoticeQuery query;
    if (filter.roundCode) query.roundId = requireVisibleRound(db, actor, *filter.roundCode).id;
    if (filter.unitCode) query.unitId = requireVisibleUnit(db, actor, *filter.unitCode).id;
    if (actor.role == domain::Role::Unit) query.unitId = actor.unitId.value_or(0);
    if (filter.level) query.level = domain::escalationLevels.checked(*filter.level);
    if (filter.since) query.since = civil::formatDate(*filter.since);
    std::vector<store::NoticeRecord> visible;
    for (auto& notice : store::listNotices(db, query))
        if (canSeeNotice(db, actor, notice)) visible.push_back(std::move(notice));
    return visible;
}

}  // namespace patrol::services
