// The JSONL writer and the findings' texts kept in a file: a rule's findings go out in unit order,
// all over that rule's texts, so the writer must let the texts of one rule go before it reads the
// next rule's, or both are in the process at once. Watched from a second thread through the
// mapping's resident size in /proc/self/smaps, for a dry run (texts forgotten) and for a run
// that records afterwards (texts let go of, still readable).
#include "core/plugins/finding_arena.hpp"
#include "core/plugins/finding_output.hpp"
#include "finished_arena.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <fstream>
#include <utility>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace patrol::plugins;

namespace {

// Two rules' findings as a plugin emits them, rule after rule, each rule's in row order with
// units that do not follow it (the order they go out in); details of `detail` bytes.
std::vector<CheckFinding> twoRules(size_t perRule, size_t detail) {
    std::mt19937 random(7);
    std::vector<CheckFinding> findings;
    for (const char* rule : {"R-01", "R-02"})
        for (size_t i = 0; i < perRule; ++i) {
            CheckFinding f;
            f.plugin = "p";
            f.rule = rule;
            f.unit = "U" + std::to_string(random() % 300);
            f.refs = {std::string(rule) + "-" + std::to_string(i)};
            f.title = "第 " + std::to_string(i) + " 行";
            f.detail = std::string(detail, static_cast<char>('a' + i % 26));
            findings.push_back(std::move(f));
        }
    return findings;
}

std::string plainly(const FindingArena& arena) {
    std::vector<CheckFinding> owned;
    for (size_t i = 0; i < arena.size(); ++i) owned.push_back(arena.owned(i));
    std::ostringstream out;
    writeFindingsJsonlPlainly(out, owned);
    return out.str();
}

// Resident kilobytes of the mapping that holds `address` (its Rss line in /proc/self/smaps).
uint64_t residentKb(const void* address) {
    const auto at = reinterpret_cast<uintptr_t>(address);
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        const size_t dash = line.find('-');
        if (dash != std::string::npos && dash < 17 && line.find(' ') > dash) {
            const uintptr_t from = std::stoull(line.substr(0, dash), nullptr, 16);
            const uintptr_t to = std::stoull(line.substr(dash + 1, line.find(' ') - dash - 1), nullptr, 16);
            inside = from <= at && at < to;
        } else if (inside && line.rfind("Rss:", 0) == 0) {
            return std::stoull(line.substr(4));
        }
    }
    return 0;
}

// The most of the texts' mapping resident while the arena's JSONL is written, watched from a
// second thread.
uint64_t mostResidentWhileWriting(const FindingArena& arena, TextsAfterwards afterwards, std::string& jsonl) {
    const void* mapping = arena[0].detail.data();
    std::atomic<bool> writing{true};
    uint64_t most = 0;
    std::thread watcher([&] {
        while (writing.load()) most = std::max(most, residentKb(mapping));
    });
    std::ostringstream out;
    writeFindingsJsonl(out, arena, {}, afterwards);
    writing = false;
    watcher.join();
    jsonl = out.str();
    return most;
}

}  // namespace

TEST_CASE("the JSONL writer lets one rule's texts go before it reads the next rule's") {
    // About 24 MB of texts a rule in 8,000 findings (written on two threads), or 18 MB in 2,000
    // (too few for a second thread).
    const auto [perRule, detail] = GENERATE(std::pair<size_t, size_t>{8000, 3000}, std::pair<size_t, size_t>{2000, 9000});
    const auto findings = twoRules(perRule, detail);
    const uint64_t ruleKb = perRule * (detail + 10) / 1024;
    for (const auto afterwards : {TextsAfterwards::NotNeeded, TextsAfterwards::ReadAgain}) {
        INFO(perRule << " findings a rule, " << (afterwards == TextsAfterwards::NotNeeded ? "dry run" : "recorded afterwards"));
        const FindingArena arena = patrol::testing::finishedInArena(findings, false);
        REQUIRE(arena.textsInFile());
        // Read for the expected JSONL: both rules' texts are in the process, as the watcher
        // would see them. Then let go of, as the host's checks after a run leave them.
        const std::string expected = plainly(arena);
        CHECK(residentKb(arena[0].detail.data()) > 2 * ruleKb * 9 / 10);
        arena.letGoOfReadText();
        CHECK(residentKb(arena[0].detail.data()) == 0);
        std::string jsonl;
        const uint64_t most = mostResidentWhileWriting(arena, afterwards, jsonl);
        CHECK(jsonl == expected);
        // One rule's texts, and the two blocks of a mebibyte shared with its neighbours; both
        // rules' would be twice as much.
        CHECK(most < ruleKb + 2 * 1024 + 512);
        if (afterwards == TextsAfterwards::ReadAgain) CHECK(plainly(arena) == expected);  // still there to record
    }
}
