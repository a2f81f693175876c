// The findings arena against the plain path it replaced: owned CheckFindings sealed one by one,
// stable-sorted with findingOrder, repeats dropped. Both must give the same findings, the same
// fingerprints and byte-identical JSONL, also for texts with quotes, control bytes and non-ASCII,
// refs in any order and findings that repeat.
#include "core/plugins/finding_arena.hpp"
#include "core/plugins/finding_checks.hpp"
#include "core/plugins/finding_output.hpp"
#include "finished_arena.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>
#include <sstream>
#include <string>
#include <vector>

using namespace patrol::plugins;
using patrol::testing::finishedInArena;

namespace {

std::string arenaTestText(std::mt19937& random, int longest) {
    static const std::vector<std::string> pieces = {"a", "b", "\"", "\\", "\n", "\t", std::string(1, '\0'), "\x01", "\x1f", "甲", "元", "é", "/", "{"};
    std::uniform_int_distribution<int> length(0, longest);
    std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
    std::string s;
    for (int i = length(random); i > 0; --i) s += pieces[piece(random)];
    return s;
}

// Few distinct plugins, rules, units and refs, so that orders tie and findings repeat.
std::vector<CheckFinding> arenaTestFindings(size_t count, uint32_t seed) {
    std::mt19937 random(seed);
    const std::vector<std::string> plugins = {"four_styles", "p\"2", "甲"};
    const std::vector<std::string> rules = {"FS-01", "FS-02", "R\\3", ""};
    std::uniform_int_distribution<int> refCount(0, 4);
    std::vector<CheckFinding> findings(count);
    for (auto& f : findings) {
        f.plugin = plugins[random() % plugins.size()];
        f.rule = rules[random() % rules.size()];
        f.unit = arenaTestText(random, 2);
        for (int i = refCount(random); i > 0; --i) f.refs.push_back(random() % 4 ? "E" + std::to_string(random() % 9) : arenaTestText(random, 3));
        if (random() % 2) f.amountFen = static_cast<int64_t>(random() % 200001) - 100000;
        f.title = arenaTestText(random, 12);
        f.detail = arenaTestText(random, 30);
    }
    return findings;
}

// A finding repeats one before it in output order with the same plugin, rule and refs.
std::vector<CheckFinding> withoutRepeatsPlainly(const std::vector<CheckFinding>& sorted) {
    std::set<std::tuple<std::string, std::string, std::vector<std::string>>> seen;
    std::vector<CheckFinding> kept;
    for (const auto& f : sorted)
        if (seen.insert({f.plugin, f.rule, f.refs}).second) kept.push_back(f);
    return kept;
}

// The plain path: each finding sealed, the whole sorted stably, repeats dropped by a set of
// what was seen. dropRepeatedFindings (the hashed candidates and exact comparisons the arena
// uses too) must drop the same.
std::vector<CheckFinding> plainlyFinished(std::vector<CheckFinding> findings, bool fingerprints) {
    for (auto& f : findings) {
        if (fingerprints)
            seal(f);
        else
            std::sort(f.refs.begin(), f.refs.end());
    }
    std::stable_sort(findings.begin(), findings.end(), [](const CheckFinding& a, const CheckFinding& b) { return findingOrder(a, b); });
    std::vector<CheckFinding> kept = withoutRepeatsPlainly(findings);
    const size_t before = findings.size();
    REQUIRE(dropRepeatedFindings(findings) == before - kept.size());
    for (size_t i = 0; i < kept.size(); ++i) {
        REQUIRE(findings[i].refs == kept[i].refs);
        REQUIRE(findings[i].title == kept[i].title);
        REQUIRE(findings[i].detail == kept[i].detail);
    }
    return kept;
}

std::string plainJsonl(const std::vector<CheckFinding>& findings) {
    std::ostringstream out;
    writeFindingsJsonlPlainly(out, findings);
    return out.str();
}

std::string arenaJsonl(const FindingArena& findings) {
    std::ostringstream out;
    writeFindingsJsonl(out, findings);
    return out.str();
}

void requireSameFindings(const std::vector<CheckFinding>& expected, const FindingArena& arena) {
    REQUIRE(arena.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        INFO(i);
        const FindingView v = arena[i];
        CHECK(v.plugin == expected[i].plugin);
        CHECK(v.rule == expected[i].rule);
        CHECK(v.unit == expected[i].unit);
        CHECK(std::vector<std::string>(v.refs.begin(), v.refs.end()) == expected[i].refs);
        CHECK(v.amountFen == expected[i].amountFen);
        CHECK(v.title == expected[i].title);
        CHECK(v.detail == expected[i].detail);
        CHECK(fingerprintHex(v.fingerprintDigest) == expected[i].fingerprint);
    }
}

// Plugin "p" with one rule, R1, that names no amount: what the demands on a finding alone need.
PluginMetadata pluginWithR1() {
    PluginMetadata metadata;
    metadata.id = "p";
    RuleInfo rule;
    rule.code = "R1";
    metadata.rules.push_back(rule);
    return metadata;
}

// A finding of rule R1 that meets those demands.
CheckFinding findingOfR1(std::vector<std::string> refs) {
    CheckFinding f;
    f.plugin = "p";
    f.rule = "R1";
    f.unit = "U1";
    f.refs = std::move(refs);
    f.title = "标题";
    return f;
}

}  // namespace

TEST_CASE("a finding added to the arena reads back through its view field by field") {
    CheckFinding f;
    f.plugin = "four_styles";
    f.rule = "FS-01";
    f.unit = "U\"1";
    f.refs = {"E2", "E1", ""};
    f.amountFen = -1205;
    f.title = "超标准\t接待";
    f.detail = std::string("行\n尾") + std::string(1, '\0');
    FindingArena arena;
    arena.add(f);
    REQUIRE(arena.size() == 1);
    const CheckFinding back = arena.owned(0);
    CHECK(back.plugin == f.plugin);
    CHECK(back.rule == f.rule);
    CHECK(back.unit == f.unit);
    CHECK(back.refs == std::vector<std::string>{"", "E1", "E2"});  // sorted as they come in
    CHECK(back.amountFen == f.amountFen);
    CHECK(back.title == f.title);
    CHECK(back.detail == f.detail);
    CHECK(back.fingerprint.empty());
    arena.seal(true);
    CHECK(arena.owned(0).refs == std::vector<std::string>{"", "E1", "E2"});
    CHECK(arena[0].fingerprintDigest.empty() == false);
    CHECK(arena.owned(0).fingerprint == fingerprintOf("four_styles", "FS-01", {"", "E1", "E2"}));
    CHECK(fingerprintHex(arena[0].fingerprintDigest) == arena.owned(0).fingerprint);
}

TEST_CASE("the arena keeps 65,535 plugin and rule names, each found again in any order, and refuses one more") {
    FindingArena arena;
    const auto add = [&](const std::string& rule) { arena.add("p", rule, "U1", nullptr, 0, std::nullopt, "标题", ""); };
    const auto ruleNamed = [](size_t i) { return "R" + std::to_string(i); };
    for (size_t i = 0; i < 65534; ++i) add(ruleNamed(i));  // with "p", every name there is room for
    for (size_t i = 65534; i-- > 0;) add(ruleNamed(i));   // each again, backwards: found by the map
    REQUIRE(arena.size() == 2 * 65534);
    for (const size_t i : {size_t{0}, size_t{1}, size_t{40000}, size_t{65533}}) {
        CHECK(arena[i].rule == ruleNamed(i));
        CHECK(arena[2 * 65534 - 1 - i].rule == ruleNamed(i));
    }
    CHECK(arena[0].plugin == "p");
    try {
        add("R65534");
        FAIL("a 65,536th name was kept");
    } catch (const std::length_error& e) {
        CHECK(std::string(e.what()) == "报告的规则代码多于 65535 种，超出了可以保存的上限");
    }
    CHECK(arena.size() == 2 * 65534);
    add("R7");  // a name kept before is still found
    CHECK(arena[arena.size() - 1].rule == "R7");
}

TEST_CASE("the arena's finished findings equal the plain path's, fingerprints and JSONL bytes included") {
    for (const size_t count : {size_t{0}, size_t{1}, size_t{40}, size_t{5000}, size_t{20000}}) {
        for (const bool fingerprints : {false, true}) {
            INFO(count << (fingerprints ? " fingerprinted" : " dry"));
            const auto findings = arenaTestFindings(count, static_cast<uint32_t>(count) + 7);
            const auto expected = plainlyFinished(findings, fingerprints);
            const FindingArena arena = finishedInArena(findings, fingerprints);
            if (count >= 5000) CHECK(expected.size() < count);  // the data do repeat findings
            requireSameFindings(expected, arena);
            CHECK(arenaJsonl(arena) == plainJsonl(expected));
        }
    }
}

// Ids of one unit and rule that share their first 8 or 16 bytes and differ after, as ledger ids
// do (A00000081, A00000089), some repeated; given in order, in reverse or shuffled.
std::vector<CheckFinding> longRefFindings(size_t count, int arrangement) {
    std::mt19937 random(static_cast<uint32_t>(count) + static_cast<uint32_t>(arrangement));
    const std::vector<std::string> stems = {"A0000000", "LEDGER-2025-0000", "LEDGER-2025-0000-extra", "B"};
    std::vector<CheckFinding> findings(count);
    for (size_t i = 0; i < count; ++i) {
        CheckFinding& f = findings[i];
        f.plugin = "business_environment";
        f.rule = i % 3 ? "BE-01" : "BE-04";
        f.unit = "U00" + std::to_string(i % 4);
        const size_t id = i % (count - count / 10);  // the last tenth repeat earlier findings
        f.refs.push_back(stems[id % stems.size()] + std::to_string(100 + id / stems.size()));
        if (id % 7 == 0) f.refs.push_back(stems[(id + 1) % stems.size()] + std::to_string(id));
        f.title = "标题 " + std::to_string(i);
        f.detail = "说明 " + std::to_string(id);
    }
    if (arrangement == 1) std::reverse(findings.begin(), findings.end());
    if (arrangement == 2) std::shuffle(findings.begin(), findings.end(), random);
    return findings;
}

TEST_CASE("refs alike in their first sixteen bytes, given in order or not, finish as the plain path's") {
    for (const int arrangement : {0, 1, 2}) {
        for (const bool fingerprints : {false, true}) {
            INFO("arrangement " << arrangement << (fingerprints ? " fingerprinted" : " dry"));
            const auto findings = longRefFindings(6000, arrangement);
            const auto expected = plainlyFinished(findings, fingerprints);
            CHECK(expected.size() < findings.size());
            const FindingArena arena = finishedInArena(findings, fingerprints);
            requireSameFindings(expected, arena);
            CHECK(arenaJsonl(arena) == plainJsonl(expected));
        }
    }
}

TEST_CASE("appending a second plugin's arena keeps both plugins' findings, texts and fingerprints") {
    const auto first = plainlyFinished(arenaTestFindings(3000, 1), true);
    const auto second = plainlyFinished(arenaTestFindings(2000, 2), true);
    FindingArena all = finishedInArena(arenaTestFindings(3000, 1), true);
    FindingArena more = finishedInArena(arenaTestFindings(2000, 2), true);
    all.append(std::move(more));
    CHECK(more.empty());
    std::vector<CheckFinding> expected = first;
    expected.insert(expected.end(), second.begin(), second.end());
    requireSameFindings(expected, all);
    CHECK(arenaJsonl(all) == plainJsonl(expected));
    // Into an empty arena, the other is taken over whole.
    FindingArena empty;
    empty.append(finishedInArena(arenaTestFindings(10, 3), false));
    CHECK(arenaJsonl(empty) == plainJsonl(plainlyFinished(arenaTestFindings(10, 3), false)));
}

// Details long enough that the arena's titles and details outgrow memory and go to a file.
std::vector<CheckFinding> longFindings(size_t count, uint32_t seed) {
    auto findings = arenaTestFindings(count, seed);
    for (size_t i = 0; i < findings.size(); ++i)
        findings[i].detail += std::string(6000 + i % 97, static_cast<char>('a' + i % 26)) + std::to_string(i);
    return findings;
}

TEST_CASE("findings whose texts went to a file finish and print as the plain path's") {
    const auto findings = longFindings(3000, 11);
    for (const bool fingerprints : {false, true}) {
        INFO((fingerprints ? "fingerprinted" : "dry"));
        const auto expected = plainlyFinished(findings, fingerprints);
        const FindingArena arena = finishedInArena(findings, fingerprints);
        CHECK(arena.textsInFile());
        requireSameFindings(expected, arena);
        CHECK(arenaJsonl(arena) == plainJsonl(expected));
        // Letting go of what was read changes nothing that is read after.
        arena.letGoOfReadText();
        CHECK(arena.owned(17).detail == expected[17].detail);
        // Copied out of the file instead of viewed, every finding's title and then its detail.
        std::string texts;
        for (size_t i = 0; i < arena.size(); ++i) {
            texts.clear();
            arena.appendTexts(i, texts);
            REQUIRE(texts == expected[i].title + expected[i].detail);
        }
    }
    // Two such arenas appended, as `check --plugin all` does.
    FindingArena all = finishedInArena(findings, true);
    all.append(finishedInArena(longFindings(2500, 12), true));
    std::vector<CheckFinding> expected = plainlyFinished(findings, true);
    const auto second = plainlyFinished(longFindings(2500, 12), true);
    expected.insert(expected.end(), second.begin(), second.end());
    requireSameFindings(expected, all);
    CHECK(arenaJsonl(all) == plainJsonl(expected));
}

TEST_CASE("a dry run's JSONL gives back the file's texts as it goes and is the same") {
    // Written in output order, which is not the order the texts were kept in (finishedInArena).
    const auto findings = longFindings(8000, 13);  // some repeat others and are dropped
    const auto expected = plainlyFinished(findings, false);
    const FindingArena arena = finishedInArena(findings, false);
    REQUIRE(arena.textsInFile());
    REQUIRE(arena.size() >= 4096);  // enough for the writer's second thread
    std::ostringstream out;
    writeFindingsJsonl(out, arena, {}, TextsAfterwards::NotNeeded);
    CHECK(out.str() == plainJsonl(expected));
    // Nothing was to read them again: the texts kept in the file are gone (zeros), those still
    // in memory (less than a block) stay.
    size_t gone = 0;
    for (size_t i = 0; i < arena.size(); ++i)
        if (arena[i].detail != expected[i].detail) {
            REQUIRE(arena[i].detail.find_first_not_of('\0') == std::string_view::npos);
            ++gone;
        }
    CHECK(gone > arena.size() * 9 / 10);
}

TEST_CASE("a finding of thousands of refs is refused for the first ref it lists again, and accepted without one") {
    // Past a few dozen refs they are sorted to find a repeat, not compared in pairs.
    const PluginMetadata metadata = pluginWithR1();
    CheckFinding group = findingOfR1({});
    for (int i = 0; i < 5000; ++i) {
        char id[8];
        std::snprintf(id, sizeof id, "E%05d", i);
        group.refs.push_back(id);
    }
    CHECK_FALSE(findingViolation(metadata, nullptr, std::vector<CheckFinding>{group}));
    CheckFinding repeated = group;
    repeated.refs[100] = "E04000";  // the arena sorts a finding's refs, the plain findings keep them
    const std::string tail = "）：refs 中的 \"E04000\" 出现了不止一次，每个记录编号只应列出一次";
    const auto endsWithTail = [&](const std::optional<std::string>& why) { return why && why->ends_with(tail); };
    for (const auto& findings : {std::vector<CheckFinding>{repeated}, std::vector<CheckFinding>{group, repeated}}) {
        CHECK(endsWithTail(findingViolation(metadata, nullptr, findings)));
        FindingArena arena;
        for (const auto& f : findings) arena.add(f);
        CHECK(endsWithTail(findingViolation(metadata, nullptr, arena)));
    }
}

TEST_CASE("the arena refuses a violation the same way as the plain findings") {
    // No dataset: only the demands on each finding alone.
    const PluginMetadata metadata = pluginWithR1();
    const CheckFinding good = findingOfR1({"E1"});
    CheckFinding bad = good;
    bad.refs = {"E2", "E2"};
    bad.detail = "x\"y";
    const std::vector<CheckFinding> owned = {good, bad};
    FindingArena arena;
    for (const auto& f : owned) arena.add(f);
    const auto plainWhy = findingViolation(metadata, nullptr, owned);
    REQUIRE(plainWhy);
    CHECK(*plainWhy == "报告的疑似问题不合规：规则 R1 的第 2 个问题（单位 \"U1\"，记录 \"E2\"、\"E2\"）：refs 中的 \"E2\" 出现了不止一次，每个记录编号只应列出一次");
    CHECK(findingViolation(metadata, nullptr, arena) == plainWhy);
    FindingArena fine;
    fine.add(good);
    CHECK_FALSE(findingViolation(metadata, nullptr, fine));
}

TEST_CASE("reorder moves findings in place for a permutation or an increasing selection, and copies for any other order") {
    const auto findings = arenaTestFindings(3000, 11);
    std::mt19937 random(5);
    std::vector<uint32_t> permutation(findings.size());
    for (uint32_t i = 0; i < permutation.size(); ++i) permutation[i] = i;
    std::shuffle(permutation.begin(), permutation.end(), random);
    std::vector<uint32_t> increasing;  // every third finding dropped
    for (uint32_t i = 0; i < findings.size(); ++i)
        if (i % 3 != 1) increasing.push_back(i);
    const std::vector<uint32_t> repeating = {7, 3, 3, 2999, 0};
    for (const std::vector<uint32_t>* order : std::initializer_list<const std::vector<uint32_t>*>{&permutation, &increasing, &repeating}) {
        for (const bool fingerprints : {false, true}) {
            FindingArena arena;
            for (const auto& f : findings) arena.add(f);
            arena.seal(fingerprints);
            std::vector<CheckFinding> sealed;
            for (size_t i = 0; i < arena.size(); ++i) sealed.push_back(arena.owned(i));
            arena.reorder(*order);
            REQUIRE(arena.size() == order->size());
            for (size_t place = 0; place < order->size(); ++place) {
                INFO(place);
                const CheckFinding moved = arena.owned(place);
                const CheckFinding& expected = sealed[(*order)[place]];
                CHECK(moved.unit == expected.unit);
                CHECK(moved.refs == expected.refs);
                CHECK(moved.title == expected.title);
                CHECK(moved.detail == expected.detail);
                CHECK(moved.amountFen == expected.amountFen);
                CHECK(moved.fingerprint == expected.fingerprint);
            }
        }
    }
    FindingArena arena;
    for (const auto& f : findings) arena.add(f);
    arena.seal(true);
    CHECK_THROWS_AS(arena.reorder({0, 3000}), std::out_of_range);
    CHECK(arena.size() == 3000);  // refused before anything moved
    CHECK(arena.owned(1).fingerprint == fingerprintOf(findings[1].plugin, findings[1].rule, [&] {
              auto refs = findings[1].refs;
              std::sort(refs.begin(), refs.end());
              return refs;
          }()));
}

TEST_CASE("an arena tells, as each finding comes in, whether its unit, title and detail are UTF-8") {
    auto finding = [](std::string unit, std::string title, std::string detail) {
        CheckFinding f;
        f.plugin = "p";
        f.rule = "R1";
        f.unit = std::move(unit);
        f.refs = {"E1"};
        f.title = std::move(title);
        f.detail = std::move(detail);
        return f;
    };
    const std::string longText(300, 'x');  // long enough for the vector check
    FindingArena arena;
    arena.add(finding("U1", "标题", "说明"));
    arena.add(finding("U\xC0\xAF", "标题", "说明"));
    arena.add(finding("U1", longText + "\xFF", "说明"));
    arena.add(finding("U1", "标题", longText + "\xE4\xB8"));  // a character cut short at the end
    FindingArena more;
    more.add(finding("U2", longText, longText));
    more.add(finding("U2", "\x80", ""));
    arena.append(std::move(more));
    std::vector<bool> utf8;
    for (const FindingView f : arena) utf8.push_back(f.textsUtf8);
    CHECK(utf8 == std::vector<bool>{true, false, false, false, true, false});
    arena.seal(false);
    arena.reorder({5, 4, 0});
    utf8.clear();
    for (const FindingView f : arena) utf8.push_back(f.textsUtf8);
    CHECK(utf8 == std::vector<bool>{false, true, true});
}
