// The JSONL writer `patrol check` uses gives the same bytes as the plain reference: on a fixture
// plugin's findings, on hand-picked escapes and on many generated findings (enough to use the
// second thread).
#include "core/plugins/finding_arena.hpp"
#include "core/plugins/finding_output.hpp"
#include "fixture_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>

using namespace patrol::plugins;

namespace {

std::string fast(const std::vector<CheckFinding>& findings) {
    std::ostringstream out;
    writeFindingsJsonl(out, findings);
    return out.str();
}

// The same findings through the arena and its views.
std::string fromArena(const std::vector<CheckFinding>& findings) {
    FindingArena arena;
    for (const auto& f : findings) arena.add(f);
    std::ostringstream out;
    writeFindingsJsonl(out, arena);
    return out.str();
}

std::string plain(const std::vector<CheckFinding>& findings) {
    std::ostringstream out;
    writeFindingsJsonlPlainly(out, findings);
    return out.str();
}

// Texts of every length up to 40 bytes, mostly plain, some bytes that need escaping placed
// anywhere (also right at and across sixteen-byte boundaries), and multi-byte UTF-8.
std::string generatedText(std::mt19937& random) {
    static const std::vector<std::string> pieces = {"a", "Z", "0", " ", "\"", "\\", "\n", "\r", "\t", std::string(1, '\0'),
                                                    "\x01", "\x1f", "\x7f", "\xff", "/", "甲", "元", "-", "{", "}"};
    std::uniform_int_distribution<int> length(0, 40);
    std::uniform_int_distribution<int> plainOrNot(0, 9);
    std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
    std::string s;
    const int n = length(random);
    for (int i = 0; i < n; ++i) s += plainOrNot(random) < 8 ? std::string(1, static_cast<char>('a' + i % 26)) : pieces[piece(random)];
    return s;
}

std::vector<CheckFinding> generatedFindings(size_t count, uint32_t seed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> refCount(0, 3);
    std::uniform_int_distribution<int64_t> amount(-2'000'000'000'000, 2'000'000'000'000);
    std::vector<CheckFinding> findings(count);
    for (auto& f : findings) {
        f.plugin = generatedText(random);
        f.rule = generatedText(random);
        f.unit = generatedText(random);
        for (int i = refCount(random); i > 0; --i) f.refs.push_back(generatedText(random));
        std::sort(f.refs.begin(), f.refs.end());  // as a host's finding holds them (and an arena makes them)
        if (random() % 3) f.amountFen = random() % 5 == 0 ? (random() % 2 ? 0 : -1) : amount(random);
        f.title = generatedText(random) + generatedText(random);
        f.detail = generatedText(random) + generatedText(random) + generatedText(random);
    }
    return findings;
}

}  // namespace

TEST_CASE("one finding as a JSONL line, escapes included, from both writers") {
    CheckFinding f;
    f.plugin = "four_styles";
    f.rule = "FS-01";
    f.unit = "U\"1";
    f.refs = {"E1", "E\\2"};
    f.amountFen = -1205;
    f.title = "超标准\t接待";
    f.detail = std::string("行\n尾\x01") + std::string(1, '\0') + "x";
    CheckFinding g;
    g.plugin = "p";
    g.rule = "R";
    g.unit = "U";
    const std::string expected =
        "{\"plugin\":\"four_styles\",\"rule\":\"FS-01\",\"unit\":\"U\\\"1\",\"refs\":[\"E1\",\"E\\\\2\"],\"amount\":-12.05,"
        "\"title\":\"超标准\\t接待\",\"detail\":\"行\\n尾\\u0001\\u0000x\"}\n"
        "{\"plugin\":\"p\",\"rule\":\"R\",\"unit\":\"U\",\"refs\":[],\"amount\":null,\"title\":\"\",\"detail\":\"\"}\n";
    CHECK(fast({f, g}) == expected);
    CHECK(fromArena({f, g}) == expected);
    CHECK(plain({f, g}) == expected);
    CHECK(fast({}).empty());
    CHECK(fromArena({}).empty());
    CHECK(plain({}).empty());
}

TEST_CASE("the fast JSONL writer gives the reference's bytes on a fixture plugin's findings") {
    patrol::testing::FixturePluginRun fixture;
    fixture.data.write("items.csv", patrol::testing::kFixtureItems);
    const RunResult r = fixture.run("fixture_good", false);
    REQUIRE(r.ok);
    REQUIRE(r.findings.size() == 3);
    std::ostringstream out;
    writeFindingsJsonl(out, r.findings);
    const std::string text = out.str();
    CHECK(text == plain(r.findings.owned()));
    CHECK(text.substr(0, text.find('\n') + 1) ==
          "{\"plugin\":\"fixture_good\",\"rule\":\"FX-01\",\"unit\":\"U1\",\"refs\":[\"I2\"],\"amount\":0.01,\"title\":\"大额事项 I2\",\"detail\":\"金额 "
          "100.01 元\"}\n");
}

TEST_CASE("the fast JSONL writer gives the reference's bytes on generated findings, few and many, from owned findings and from the arena") {
    for (const size_t count : {size_t{1}, size_t{17}, size_t{4095}, size_t{4096}, size_t{6144}, size_t{20001}}) {
        INFO(count);
        const auto findings = generatedFindings(count, static_cast<uint32_t>(count));
        const std::string text = plain(findings);
        CHECK(fast(findings) == text);
        CHECK(fromArena(findings) == text);
        CHECK(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) == count);  // every newline in a text is escaped
    }
}
