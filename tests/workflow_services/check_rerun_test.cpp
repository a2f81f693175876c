// Recording a check again: a fingerprint already in the round is not recorded twice, one repeated
// within the check is recorded once (its first finding), and the counts say so.
#include <catch2/catch.hpp>

#include "core/digest/sha256.hpp"
#include "core/services/audit_service.hpp"
#include "core/store/batched_insert.hpp"
#include "core/store/audited_rows.hpp"
#include "core/store/finding_record.hpp"
#include "core/store/statement.hpp"
#include "store/records_version.hpp"
#include "world.hpp"

namespace {

CheckFinding found(const std::string& unit, const std::string& title, const std::string& fingerprint) {
    return {"four_styles", "FS-01", unit, "四风", title, "", "medium", std::nullopt, "[\"E1\"]", fingerprint};
}

std::string recordedTitles(store::Database& db) {
    std::string out;
    auto st = db.prepare("SELECT title || '@' || fingerprint FROM findings ORDER BY id");
    while (st.step()) {
        if (!out.empty()) out += ',';
        out += st.text(0);
    }
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

TEST_CASE("findings recorded in batches keep one record each, whose digest is the stored row's", "[recording]") {
    World w;
    w.round("R1", "2026-01-05");
    // Two full batches and three rows one by one, across both units.
    const size_t count = 2 * store::BatchedInsert::kRows + 3;
    std::vector<CheckFinding> many;
    for (size_t i = 0; i < count; ++i) many.push_back(found(i % 2 ? "UA" : "UB", "问题" + std::to_string(i), "fp" + std::to_string(i)));
    // A one-page cache, so that the recording grows it for its write; it is given back after.
    w.db.exec("PRAGMA cache_size = 1");
    const int64_t before = testing::recordsVersion(w.db);
    const auto recorded = recordCheckFindings(w.db, w.inspector, "R1", many);
    CHECK(recorded.added == count);
    // Moved once for all the rows, and a finding written afterwards moves it again.
    CHECK(testing::recordsVersion(w.db) == before + 1);
    CHECK(w.db.pragma("cache_size") == 1);

    int64_t records = 0;
    const auto rows = store::readStoredRows(w.db, "findings", "", std::nullopt, "id");
    REQUIRE(rows.size() == count);
    auto st = w.db.prepare("SELECT finding_id, row_digest FROM finding_records ORDER BY finding_id");
    for (const auto& row : rows) {
        REQUIRE(st.step());
        CHECK(st.integer(0) == row.find("id")->integer);
        // The plain digest of the canonical text rebuilt from the stored row.
        CHECK(st.text(1) == digest::sha256HexPlainly(*store::canonicalFindingRow(row)));
        ++records;
    }
    CHECK_FALSE(st.step());
    CHECK(records == static_cast<int64_t>(count));
    // Each row its own title and fingerprint, in the batches and after them.
    std::string titles;
    for (size_t i = 0; i < count; ++i) titles += (i ? "," : "") + ("问题" + std::to_string(i)) + "@fp" + std::to_string(i);
    CHECK(recordedTitles(w.db) == titles);
    const auto report = verifyAuditedData(w.db, w.admin);
    CHECK(report.problems.empty());
    w.finding("R1", "UA", "四风");
    CHECK(testing::recordsVersion(w.db) == before + 2);
}
