// Titles and details past FindingProse::kSpillAfter go to an unlinked temporary file and read
// back the same, viewed or copied; without a usable file they stay in memory, also when the file
// fails midway.
#include "core/plugins/finding_prose.hpp"
#include "data/tmpdir_setting.hpp"

#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <csignal>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

using namespace patrol::plugins;

namespace {

// Text i: its number and a run of one letter, 4,000–4,300 bytes.
std::string textNumber(size_t i) { return std::to_string(i) + ":" + std::string(4000 + i % 301, static_cast<char>('a' + i % 26)); }

// Appends texts until `bytes` are held; returns their offsets.
std::vector<uint64_t> fill(FindingProse& prose, size_t bytes) {
    std::vector<uint64_t> offsets;
    while (prose.size() < bytes) {
        const std::string text = textNumber(offsets.size());
        offsets.push_back(prose.append(text.substr(0, 10), text.substr(10)));
    }
    return offsets;
}

void requireTexts(const FindingProse& prose, const std::vector<uint64_t>& offsets) {
    for (size_t i = 0; i < offsets.size(); ++i) {
        INFO(i);
        const std::string text = textNumber(i);
        REQUIRE(prose.view(offsets[i], text.size()) == text);
        std::string copied(text.size(), '?');
        prose.copy(offsets[i], text.size(), copied.data());
        REQUIRE(copied == text);
    }
}


}  // namespace

TEST_CASE("a block of the file forgotten reads zeros while the texts around it and those still in memory stay") {
    FindingProse prose;
    const auto offsets = fill(prose, FindingProse::kSpillAfter + 3 * FindingProse::kBlock + 12345);
    REQUIRE(prose.spilled());
    const uint64_t forgotten = 5;  // the file's bytes [5 MiB, 6 MiB)
    prose.forgetBlock(forgotten);
    prose.forgetBlock(1u << 20);  // past the file: nothing
    size_t zeroed = 0, kept = 0;
    for (size_t i = 0; i < offsets.size(); ++i) {
        INFO(i);
        const std::string text = textNumber(i);
        const uint64_t first = offsets[i] / FindingProse::kBlock, last = (offsets[i] + text.size() - 1) / FindingProse::kBlock;
        if (first != forgotten && last != forgotten) {
            REQUIRE(prose.view(offsets[i], text.size()) == text);
            ++kept;
            continue;
        }
        // Inside the forgotten block every byte is gone; a text reaching into it keeps the rest.
        const std::string_view seen = prose.view(offsets[i], text.size());
        for (size_t k = 0; k < text.size(); ++k) {
            const bool inBlock = (offsets[i] + k) / FindingProse::kBlock == forgotten;
            REQUIRE(seen[k] == (inBlock ? '\0' : text[k]));
        }
        ++zeroed;
    }
    CHECK(zeroed > 200);  // about a mebibyte of 4 KB texts
    CHECK(kept + zeroed == offsets.size());
}

TEST_CASE("blocks of the file let go of read the same again, and so does the rest") {
    FindingProse prose;
    const auto offsets = fill(prose, FindingProse::kSpillAfter + 3 * FindingProse::kBlock + 12345);
    REQUIRE(prose.spilled());
    requireTexts(prose, offsets);
    prose.letGoOfBlocks(5, 2);
    prose.letGoOfBlocks(1u << 20, 1);  // past the file: nothing
    requireTexts(prose, offsets);
}

TEST_CASE("small findings' texts stay in memory") {
    FindingProse prose;
    const auto offsets = fill(prose, 100000);
    CHECK_FALSE(prose.spilled());
    CHECK_FALSE(prose.keptInMemory());
    requireTexts(prose, offsets);
}

TEST_CASE("texts past the limit go to a file and read back the same, before and after letting go of the pages") {
    FindingProse prose;
    const auto offsets = fill(prose, FindingProse::kSpillAfter + 3 * FindingProse::kBlock + 12345);
    CHECK(prose.spilled());
    CHECK_FALSE(prose.keptInMemory());
    requireTexts(prose, offsets);
    prose.letGoOfReadPages();
    requireTexts(prose, offsets);
    // More after reading: the mapping grows to cover them.
    std::string late = "后加的";
    late.append(5000, 'z');
    const uint64_t at = prose.append(late);
    const auto more = fill(prose, prose.size() + 2 * FindingProse::kBlock);
    CHECK(prose.view(at, late.size()) == late);
    requireTexts(prose, offsets);
    // Moved whole.
    FindingProse taken(std::move(prose));
    CHECK(taken.spilled());
    CHECK(prose.size() == 0);
    requireTexts(taken, offsets);
}

TEST_CASE("without a usable temporary folder the texts stay in memory") {
    const patrol::testing::TmpdirSetting folder("/nonexistent/patrol-test");
    FindingProse prose;
    const auto offsets = fill(prose, FindingProse::kSpillAfter + FindingProse::kBlock);
    CHECK_FALSE(prose.spilled());
    CHECK(prose.keptInMemory());
    requireTexts(prose, offsets);
}

TEST_CASE("a file that cannot grow any more hands its texts back to memory") {
    // write() then fails with EFBIG, as on a full disk, instead of stopping the process.
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit before{};
    ::getrlimit(RLIMIT_FSIZE, &before);
    rlimit small = before;
    small.rlim_cur = FindingProse::kSpillAfter + 4 * FindingProse::kBlock;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    FindingProse prose;
    const auto offsets = fill(prose, FindingProse::kSpillAfter + 8 * FindingProse::kBlock);
    ::setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, previous);
    CHECK_FALSE(prose.spilled());
    CHECK(prose.keptInMemory());
    requireTexts(prose, offsets);
}
