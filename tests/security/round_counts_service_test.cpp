// A round page's finding counts (showRound), counted in SQL per status, against the plain
// reference: the findings the same viewer may list in that round, counted one by one. Every
// viewer meets every round, so both the counts and the refusals must agree.
#include <catch2/catch.hpp>

#include <map>

#include "core/domain/finding_status.hpp"
#include "hidden_world.hpp"

using namespace security;

namespace {

// "status=count ..." in the vocabulary's order, or the refusal's message.
std::string countedByShowRound(World& w, const Actor& viewer, const std::string& round) {
    try {
        std::string out;
        for (const auto& [status, n] : showRound(w.db, viewer, round).findingCounts) out += status + "=" + std::to_string(n) + " ";
        return out;
    } catch (const UserError& e) {
        return e.what();
    }
}

std::string countedOneByOne(World& w, const Actor& viewer, const std::string& round) {
    try {
        std::map<std::string, int64_t> byStatus;
        for (const auto& f : listFindings(w.db, viewer, {round, std::nullopt, std::nullopt})) byStatus[f.status] += 1;
        std::string out;
        for (const auto& term : domain::findingStatuses.terms())
            if (const auto it = byStatus.find(std::string(term.code)); it != byStatus.end())
                out += it->first + "=" + std::to_string(it->second) + " ";
        return out;
    } catch (const UserError& e) {
        return e.what();
    }
}

}  // namespace

TEST_CASE("a round's finding counts equal the findings each viewer may list in it", "[security][round]") {
    HiddenWorld w;
    const std::vector<Actor> viewers = {w.admin, w.leader, w.inspector, w.otherInspector, w.unitA, w.unitB};
    int counted = 0;
    for (const auto& viewer : viewers)
        for (const char* round : {"R1", "R2", "R3", "R4"}) {
            INFO(viewer.name << " in " << round);
            const std::string shown = countedByShowRound(w, viewer, round);
            CHECK(shown == countedOneByOne(w, viewer, round));
            counted += shown.find('=') != std::string::npos ? 1 : 0;
        }
    // Not all alike: the admin sees every status of R1, a unit user only its own fed-back finding.
    CHECK(countedByShowRound(w, w.admin, "R1") == "dismissed=1 fed_back=2 ");
    CHECK(countedByShowRound(w, w.unitA, "R1") == "fed_back=1 ");
    CHECK(counted > 10);
}
