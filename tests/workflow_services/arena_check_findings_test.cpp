// A run's findings arena read as recording reads it: each finding's columns taken from its rule's
// metadata (or the defaults for a rule the metadata does not name), its refs as JSON text, and
// the findings of a plugin without metadata left out.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "core/plugins/finding_arena.hpp"
#include "core/plugins/plugin_metadata.hpp"
#include "core/digest/sha256.hpp"
#include "core/services/arena_check_findings.hpp"
#include "core/services/audit_service.hpp"
#include "core/store/audited_rows.hpp"
#include "core/store/finding_record.hpp"
#include "core/store/statement.hpp"
#include "world.hpp"

using patrol::plugins::FindingArena;
using patrol::plugins::fingerprintDigestOf;
using patrol::plugins::fingerprintOf;
using patrol::plugins::PluginMetadata;
using patrol::plugins::RuleInfo;
using patrol::services::ArenaCheckFindings;

namespace {

PluginMetadata fourStylesForArenaTest() {
    PluginMetadata meta;
    meta.id = "four_styles";
    RuleInfo rule;
    rule.code = "FS-01";
    rule.severity = "high";
    rule.category = "public_dining";
    rule.rectification.kind = "deadline";
    meta.rules.push_back(rule);
    return meta;
}

}  // namespace

TEST_CASE("an arena read for recording gives each finding its rule's columns and its refs as JSON text", "[recording]") {
    FindingArena arena;
    const std::string_view refsA[] = {"r9", "r1\"x"};
    arena.add("four_styles", "FS-01", "U0001", refsA, 2, 120000, "公款吃喝", "详情一");
    arena.add("other_plugin", "OP-01", "U0002", nullptr, 0, std::nullopt, "无元数据", "");
    arena.add("four_styles", "FS-99", "U0003", nullptr, 0, std::nullopt, "未知规则", "详情三");
    arena.seal(true);
    const PluginMetadata meta = fourStylesForArenaTest();
    const std::map<std::string, const PluginMetadata*, std::less<>> metadataOf{{"four_styles", &meta}};
    const ArenaCheckFindings findings(arena, metadataOf);

    REQUIRE(findings.size() == 2);
    CHECK(findings.unitCode(0) == "U0001");
    CHECK(findings.unitCode(1) == "U0003");
    CHECK(findings.severity(0) == "high");
    CHECK(findings.severity(1) == "medium");
    // Compared by the digest's 32 bytes; stored as its hex, the text fingerprintOf gives.
    const std::string fingerprintA = fingerprintOf("four_styles", "FS-01", {"r1\"x", "r9"});
    CHECK(findings.fingerprintKey(0) == fingerprintDigestOf(fingerprintA));
    CHECK(findings.fingerprintKey(1) == arena[2].fingerprintDigest);
    CHECK(findings.fingerprintKey(0).size() == 32);

    std::string scratch;
    const auto first = findings.fields(0, scratch);
    CHECK(first.plugin == "four_styles");
    CHECK(first.rule == "FS-01");
    CHECK(first.category == "public_dining");
    CHECK(first.title == "公款吃喝");
    CHECK(first.detail == "详情一");
    CHECK(first.severity == "high");
    CHECK(first.amountFen == 120000);
    CHECK(first.refsJson == R"(["r1\"x","r9"])");
    CHECK(first.fingerprint == fingerprintA);
    REQUIRE(first.rectificationKind.has_value());
    CHECK(*first.rectificationKind == "deadline");
    // The same columns with the texts copied into the reader's own scratch string.
    std::string copyScratch;
    const auto copied = findings.copiedFields(0, copyScratch);
    CHECK(copied.title == "公款吃喝");
    CHECK(copied.detail == "详情一");
    CHECK(copied.title.data() != first.title.data());
    CHECK(copied.refsJson == first.refsJson);
    CHECK(copied.fingerprint == fingerprintA);
    CHECK(copied.category == first.category);
    CHECK(copied.amountFen == first.amountFen);

    const auto unknownRule = findings.fields(1, scratch);
    CHECK(unknownRule.rule == "FS-99");
    CHECK(unknownRule.category == "FS-99");
    CHECK(unknownRule.severity == "medium");
    CHECK(unknownRule.refsJson == "[]");
    CHECK_FALSE(unknownRule.amountFen.has_value());
    CHECK_FALSE(unknownRule.rectificationKind.has_value());
}

TEST_CASE("an arena whose plugins have no metadata offers no finding to record", "[recording]") {
    FindingArena arena;
    arena.add("other_plugin", "OP-01", "U0002", nullptr, 0, std::nullopt, "无元数据", "");
    arena.seal(true);
    const std::map<std::string, const PluginMetadata*, std::less<>> none;
    CHECK(ArenaCheckFindings(arena, none).size() == 0);
}

TEST_CASE("findings whose texts went to a file are recorded with digests of the rows as stored", "[recording]") {
    World w;
    w.round("R1", "2026-01-05");
    // 3,000 findings with 6 KB details: past FindingProse::kSpillAfter, so the inserts read the
    // texts through the file's mapping and the digests copy them out of the file.
    FindingArena arena;
    std::vector<std::string> details;
    for (int i = 0; i < 3000; ++i) {
        const std::string ref = "E" + std::to_string(i);
        const std::string_view refs[] = {ref};
        details.push_back(std::string(6000 + i % 97, static_cast<char>('a' + i % 26)) + std::to_string(i));
        arena.add("four_styles", "FS-01", i % 2 ? "UA" : "UB", refs, 1, i, "问题" + std::to_string(i), details.back());
    }
    arena.seal(true);
    REQUIRE(arena.textsInFile());
    const PluginMetadata meta = fourStylesForArenaTest();
    const std::map<std::string, const PluginMetadata*, std::less<>> metadataOf{{"four_styles", &meta}};
    const auto recorded = recordCheckFindings(w.db, w.inspector, "R1", ArenaCheckFindings(arena, metadataOf), {});
    CHECK(recorded.added == 3000);

    auto st = w.db.prepare("SELECT f.detail, r.row_digest FROM findings f JOIN finding_records r ON r.finding_id = f.id ORDER BY f.id");
    const auto rows = store::readStoredRows(w.db, "findings", "", std::nullopt, "id");
    REQUIRE(rows.size() == 3000);
    for (size_t i = 0; i < rows.size(); ++i) {
        INFO(i);
        REQUIRE(st.step());
        CHECK(st.text(0) == details[i]);
        CHECK(st.text(1) == digest::sha256HexPlainly(*store::canonicalFindingRow(rows[i])));
    }
    CHECK(verifyAuditedData(w.db, w.admin).problems.empty());
}
