#include "core/services/repeat_problems.hpp"

#include <patrol/sdk/civil.hpp>

#include <map>

#include "core/domain/repeat.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/record_json.hpp"
#include "core/store/finding_links.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/round_repository.hpp"

namespace patrol::services {

namespace {

domain::FindingForRepeat describe(store::Database& db, const store::FindingRecord& f,
                                  std::map<int64_t, int32_t>& roundStarts) {
    auto it = roundStarts.find(f.roundId);
    if (it == roundStarts.end()) {
        const auto round = store::findRoundById(db, f.roundId);
        it = roundStarts.emplace(f.roundId, round ? civil::parseDate(round->startDate).value_or(0) : 0).first;
    }
    return {f.id, f.roundId, it->second, f.unitCode, f.category, f.status == "rectified" || f.status == "closed"};
}

}  // namespace

std::optional<int64_t> flagRepeatProblem(store::Database& db, const Actor& actor, int64_t findingId) {
    const auto finding = store::findFindingById(db, findingId);
    if (!finding || finding->repeatOf || finding->status == "suspected" || finding->status == "dismissed")
        return std::nullopt;
    std::map<int64_t, int32_t> roundStarts;
    std::vector<domain::FindingForRepeat> candidates;
    store::FindingQuery sameUnit;
    sameUnit.unitId = finding->unitId;
    for (const auto& f : store::listFindings(db, sameUnit))
        if (f.id != findingId) candidates.push_back(describe(db, f, roundStarts));
    const auto earlier = domain::repeatedFinding(describe(db, *finding, roundStarts), candidates);
    if (!earlier) return std::nullopt;
    store::setFindingRepeatOf(db, findingId, *earlier);
    recordChange(db, actor, "finding.repeat", "finding", std::to_string(findingId), findingJson(*finding),
                 findingJson(*store::findFindingById(db, findingId)));
    return earlier;
}

}  // namespace patrol::services
