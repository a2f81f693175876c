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

// Links `finding` to the earlier one it repeats, with its audit event.
int64_t linkRepeat(store::Database& db, const Actor& actor, const store::FindingRecord& finding, int64_t earlier) {
    store::setFindingRepeatOf(db, finding.id, earlier);
    recordChange(db, actor, "finding.repeat", "finding", std::to_string(finding.id), findingJson(finding),
                 findingJson(*store::findFindingById(db, finding.id)));
    return earlier;
}

bool mayRepeat(const store::FindingRecord& f) {
    return !f.repeatOf && f.status != "suspected" && f.status != "dismissed";
}

}  // namespace

std::optional<int64_t> flagRepeatProblem(store::Database& db, const Actor& actor, int64_t findingId) {
    const auto finding = store::findFindingById(db, findingId);
    if (!finding || !mayRepeat(*finding)) return std::nullopt;
    std::map<int64_t, int32_t> roundStarts;
    std::vector<domain::FindingForRepeat> candidates;
    store::FindingQuery sameUnit;
    sameUnit.unitId = finding->unitId;
    for (const auto& f : store::listFindings(db, sameUnit))
        if (f.id != findingId) candidates.push_back(describe(db, f, roundStarts));
    const auto earlier = domain::repeatedFinding(describe(db, *finding, roundStarts), candidates);
    if (!earlier) return std::nullopt;
    return linkRepeat(db, actor, *finding, *earlier);
}

std::optional<int64_t> RepeatProblemFlagger::flag(const store::FindingRecord& finding) {
    if (!mayRepeat(finding)) return std::nullopt;
    auto unit = rectifiedByUnit_.find(finding.unitId);
    if (unit == rectifiedByUnit_.end()) {
        // Only rectified findings can be repeated, and confirming never makes one rectified.
        std::vector<domain::FindingForRepeat> rectified;
        store::FindingQuery sameUnit;
        sameUnit.unitId = finding.unitId;
        sameUnit.statusIn = {"rectified", "closed"};
        for (const auto& f : store::listFindings(db_, sameUnit)) rectified.push_back(describe(db_, f, roundStarts_));
        unit = rectifiedByUnit_.emplace(finding.unitId, std::move(rectified)).first;
    }
    const auto earlier = domain::repeatedFinding(describe(db_, finding, roundStarts_), unit->second);
    if (!earlier) return std::nullopt;
    return linkRepeat(db_, actor_, finding, *earlier);
}

}  // namespace patrol::services
