// Recording a check again: a fingerprint already in the round is not recorded twice, one repeated
// within the check is recorded once (its first finding), and the counts say so.
#include <catch2/catch.hpp>

#include "core/store/statement.hpp"
#include "world.hpp"

namespace {

CheckFinding found(const std::string& unit, const std::string& title, const std::string& fingerprint) {
    return {"four_styles", "FS-01", unit, "四风", title, "", "medium", std::nullopt, "[\"E1\"]", fingerprint};
}

std::string recordedTitles(store::Database& db) {
    std::string out;
    auto st = db.prepare("SELECT title || '@' || fingerprint FROM findings ORDER BY id");
    while (st.step()) out += (out.empty() ? "" : ",") + st.text(0);
    return out;
}

}  // namespace

TEST_CASE("a check recorded again adds only fingerprints new to the round, each once", "[recording]") {
    World w;
    w.round("R1", "2026-01-05");
    const auto first = recordCheckFindings(w.db, w.inspector, "R1", {found("UA", "一", "fp1"), found("UB", "二", "fp2"), found("UA", "二again", "fp2")});
    CHECK(first.added == 2);
    CHECK(first.alreadyRecorded == 1);
    CHECK(recordedTitles(w.db) == "一@fp1,二@fp2");

    const auto again = recordCheckFindings(w.db, w.inspector, "R1",
                                           {found("UB", "三", "fp3"), found("UA", "一again", "fp1"), found("UA", "三again", "fp3"), found("UB", "四", "fp4")});
    CHECK(again.added == 2);
    CHECK(again.alreadyRecorded == 2);
    CHECK(recordedTitles(w.db) == "一@fp1,二@fp2,三@fp3,四@fp4");

    const auto nothingNew = recordCheckFindings(w.db, w.inspector, "R1", {found("UA", "x", "fp4"), found("UA", "y", "fp1")});
    CHECK(nothingNew.added == 0);
    CHECK(nothingNew.alreadyRecorded == 2);
    CHECK(recordedTitles(w.db) == "一@fp1,二@fp2,三@fp3,四@fp4");
}
