// The plugins' shared helpers on cases the fixture files rarely reach: hash collisions in
// grouping, repeated and empty keys in the text index, calendar spans with gaps, findings
// kept by one thread and emitted by another.
#include "plugins/shared/calendar_cache.hpp"
#include "plugins/shared/finding_sink.hpp"
#include "plugins/shared/month_of_day.hpp"
#include "plugins/shared/parallel_rules.hpp"
#include "plugins/shared/text_format.hpp"
#include "plugins/shared/text_index.hpp"
#include "data/file_size_limit.hpp"
#include "data/tmpdir_setting.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <cstdlib>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace patrol::plugins;

namespace {
// A host whose calendar says: working iff the day is even; it records every day asked.
struct FakeHost {
    std::set<int32_t> asked;
    std::vector<int32_t> order;
    static int isWorking(void* host, int32_t day) {
        static_cast<FakeHost*>(host)->asked.insert(day);
        static_cast<FakeHost*>(host)->order.push_back(day);
        return day % 2 == 0 ? 1 : 0;
    }
    patrol_host_api api() {
        patrol_host_api a{};
        a.struct_size = sizeof(a);
        a.abi_major = PATROL_ABI_MAJOR;
        a.host = this;
        a.is_working_day = &FakeHost::isWorking;
        return a;
    }
};
}  // namespace

namespace {
// The row a find gives back, or -1 when it finds none.
template <class Text>
int64_t rowFound(const TextIndex& index, std::string_view key, Text text) {
    const TextIndex::Entry* e = index.find(key, text);
    return e ? static_cast<int64_t>(e->row()) : -1;
}
}  // namespace

TEST_CASE("TextIndex finds the first row of a key and never an empty key") {
    const std::vector<std::string> ids = {"H01", "", "H02", "H01", "h01"};
    const auto text = [&](uint32_t r) { return std::string_view(ids[r]); };
    const TextIndex index(ids.size(), text);
    CHECK(rowFound(index, "H01", text) == 0);
    CHECK(rowFound(index, "H02", text) == 2);
    CHECK(rowFound(index, "h01", text) == 4);
    CHECK(rowFound(index, "H03", text) == -1);
    CHECK(rowFound(index, "", text) == -1);
}

TEST_CASE("TextIndex tells keys apart by every byte and by length, whether or not they fit in a slot") {
    using namespace std::string_literals;
    // Up to 8 bytes a key is held in its slot, zero-padded: a key that ends in zero bytes must
    // not pass for the shorter one. Longer keys are held by hash and length: these share their
    // first 8 bytes and their length, and only the text tells them apart.
    std::vector<std::string> ids = {"H0000001", "H000000", "H000000\0"s, "H0000001\0"s, "H00000010", "\0"s, "A", "AB", "ABC", "ABCD", "ABCDE"};
    for (int i = 0; i < 100000; ++i) ids.push_back("P2025-" + std::to_string(1000000 + i * 7));
    ids.push_back("H000000");  // a repeat: the first row keeps the key
    const auto text = [&](uint32_t r) { return std::string_view(ids[r]); };
    const TextIndex index(ids.size(), text);
    size_t found = 0;
    for (uint32_t r = 0; r + 1 < ids.size(); ++r) found += rowFound(index, ids[r], text) == r ? 1 : 0;
    CHECK(found == ids.size() - 1);
    CHECK(rowFound(index, "H000000", text) == 1);
    size_t strays = 0;
    for (int i = 0; i < 100000; ++i) strays += rowFound(index, "P2025-" + std::to_string(1000000 + i * 7 + 1), text) >= 0 ? 1 : 0;
    CHECK(strays == 0);
    for (const std::string& absent : {"H0000002"s, "H00000"s, "H000000\0\0"s, "\0\0"s, "ABCDEF"s, "P2025-1000000 "s})
        CHECK(rowFound(index, absent, text) == -1);
}

TEST_CASE("TextIndex keeps apart keys whose bytes in a slot are the same and whose lengths differ") {
    // "X" and "X" followed by one to seven zero bytes are all held as the same 8 bytes; in a
    // table of 16 slots their probes run into each other's slots, and only the length tells.
    std::vector<std::string> ids;
    for (size_t zeros = 0; zeros < 8; ++zeros) ids.push_back("X" + std::string(zeros, '\0'));
    const auto text = [&](uint32_t r) { return std::string_view(ids[r]); };
    const TextIndex index(ids.size(), text);
    for (uint32_t r = 0; r < ids.size(); ++r) CHECK(rowFound(index, ids[r], text) == r);
    CHECK(rowFound(index, "X" + std::string(8, '\0'), text) == -1);
}

TEST_CASE("TextIndex gives back the bit set for a key's first row") {
    const std::vector<std::string> ids = {"H01", "H02", "H01", "H03", "H04-LONGER-THAN-8"};
    const std::vector<bool> removed = {false, true, true, true, true};
    const auto text = [&](uint32_t r) { return std::string_view(ids[r]); };
    const TextIndex index(ids.size(), text, [&](uint32_t r) { return removed[r]; });
    CHECK_FALSE(index.find("H01", text)->marked());  // row 2 is marked, but row 0 holds the key
    CHECK(index.find("H02", text)->marked());
    CHECK(index.find("H03", text)->marked());
    CHECK(index.find("H04-LONGER-THAN-8", text)->marked());
    const TextIndex unmarked(ids.size(), text);
    CHECK_FALSE(unmarked.find("H02", text)->marked());
}

TEST_CASE("TextIndex refuses more rows than a table can hold, before taking any memory") {
    const auto text = [](uint32_t) { return std::string_view("H01"); };
    CHECK_THROWS_AS(TextIndex(uint64_t{1} << 32, text), std::length_error);
}

TEST_CASE("TextIndex prefetch of any key, present, absent or empty, changes no answer") {
    const std::vector<std::string> ids = {"H01", "H02", "H03"};
    const auto text = [&](uint32_t r) { return std::string_view(ids[r]); };
    const TextIndex index(ids.size(), text);
    const TextIndex none(0, text);
    for (const std::string_view key : {"H01", "H03", "H04", ""}) {
        index.prefetch(key);
        none.prefetch(key);
    }
    CHECK(rowFound(index, "H01", text) == 0);
    CHECK(rowFound(index, "H03", text) == 2);
    CHECK(rowFound(index, "H04", text) == -1);
    CHECK(rowFound(none, "H01", text) == -1);
}

TEST_CASE("MonthOfDay gives civil::monthIndex for every day, inside the column's span or not") {
    using patrol::civil::monthIndex;
    const int32_t jan31 = patrol::civil::toDays({2024, 1, 31});
    // A leap February inside the span; an absent date does not stretch it.
    const std::vector<int32_t> days = {jan31 + 40, PATROL_ABSENT_I32, jan31, jan31 + 29, jan31 + 30};
    const MonthOfDay month(days.size(), [&](uint64_t r) { return days[r]; });
    for (int32_t d = jan31 - 400; d <= jan31 + 400; ++d) REQUIRE(month(d) == monthIndex(d));
    CHECK(month(jan31 + 29) == 2024 * 12 + 1);  // 2024-02-29
    CHECK(month(jan31 + 30) == 2024 * 12 + 2);  // 2024-03-01
    // A span too long for a table (a typo of a thousand years): every day is worked out.
    const std::vector<int32_t> far = {patrol::civil::toDays({1025, 3, 1}), jan31};
    const MonthOfDay worked(far.size(), [&](uint64_t r) { return far[r]; });
    for (const int32_t d : {far[0], far[0] + 1, jan31, jan31 + 1}) CHECK(worked(d) == monthIndex(d));
    const MonthOfDay none(0, [&](uint64_t) { return jan31; });
    CHECK(none(jan31) == monthIndex(jan31));
}

TEST_CASE("WorkingDayCounter counts (after, through] and asks only about days inside a span") {
    FakeHost host;
    const patrol_host_api api = host.api();
    const patrol::sdk::Context context(&api);
    const WorkingDayCounter counter(context, {{10, 14}, {100, 101}, {12, 13}});
    CHECK(counter.workingDaysAfter(10, 14) == 2);  // 11..14: 12 and 14
    CHECK(counter.workingDaysAfter(12, 13) == 0);  // 13
    CHECK(counter.workingDaysAfter(100, 101) == 0);
    CHECK(counter.workingDaysAfter(14, 10) == 0);
    CHECK(host.asked == std::set<int32_t>{11, 12, 13, 14, 101});
}

TEST_CASE("WorkingDayMemo asks the host once per day, and only about the days asked") {
    FakeHost host;
    const patrol_host_api api = host.api();
    const patrol::sdk::Context context(&api);
    WorkingDayMemo memo(context, 5, 9);
    memo.ask(6);
    memo.ask(7);
    memo.ask(6);
    CHECK(host.order == std::vector<int32_t>{6, 7});
    CHECK(memo.isWorkingDay(6));
    CHECK_FALSE(memo.isWorkingDay(7));
    CHECK(host.asked == std::set<int32_t>{6, 7});
}

namespace {
// A host that records what it was sent, in order.
struct RecordingHost {
    std::vector<std::string> emitted;  // "rule unit refs… amount title detail"
    static int emit(void* host, const patrol_finding* f) {
        std::string line(patrol::sdk::view(f->rule));
        line.append(" ").append(patrol::sdk::view(f->unit));
        for (uint32_t i = 0; i < f->ref_count; ++i) line.append(" ").append(patrol::sdk::view(f->refs[i]));
        line.append(" ").append(f->has_amount ? std::to_string(f->amount_fen) : std::string("-"));
        line.append(" ").append(patrol::sdk::view(f->title)).append(" ").append(patrol::sdk::view(f->detail));
        static_cast<RecordingHost*>(host)->emitted.push_back(line);
        return 0;
    }
    patrol_host_api api() {
        patrol_host_api a{};
        a.struct_size = sizeof(a);
        a.abi_major = PATROL_ABI_MAJOR;
        a.host = this;
        a.emit = &RecordingHost::emit;
        return a;
    }
};

patrol::sdk::Finding finding(std::string rule, std::vector<std::string> refs, std::optional<int64_t> amount = std::nullopt) {
    patrol::sdk::Finding f;
    f.rule = std::move(rule);
    f.unit = "U1";
    f.refs = std::move(refs);
    f.amountFen = amount;
    f.title = "标题";
    f.detail = std::string(300, 'x');  // long enough that a few hundred fill several blocks
    return f;
}

// A rule emitting `count` findings of code `code`, refs "0", "1", …
ParallelRules::Rule counted(std::string code, int count) {
    return [code, count](FindingSink& out) {
        for (int i = 0; i < count; ++i) out.emit(finding(code, {std::to_string(i)}));
    };
}

// The rule code of each finding the host got, in order.
std::vector<std::string> rulesEmitted(const RecordingHost& host) {
    std::vector<std::string> codes;
    for (const auto& line : host.emitted) codes.push_back(line.substr(0, line.find(' ')));
    return codes;
}

}  // namespace

TEST_CASE("A kept sink hands its findings on unchanged, in order, refs sorted") {
    RecordingHost host;
    const patrol_host_api api = host.api();
    const patrol::sdk::Context context(&api);
    FindingSink kept;
    CHECK(kept.emit(finding("R-1", {"b", "a"}, 12)));
    CHECK(kept.emit(finding("R-2", {}, std::nullopt)));
    CHECK(kept.emit(finding("R-3", {"c"}, -5)));
    CHECK(host.emitted.empty());
    FindingSink out(context);
    CHECK(kept.forwardTo(out));
    const std::string x(300, 'x');
    CHECK(host.emitted == std::vector<std::string>{"R-1 U1 a b 12 标题 " + x, "R-2 U1 - 标题 " + x, "R-3 U1 c -5 标题 " + x});
    CHECK(kept.forwardTo(out));  // nothing is kept twice
    CHECK(host.emitted.size() == 3);
}

namespace {
// Keeps `count` findings of about 400 bytes, numbered, and drains them as "rule ref" lines.
std::vector<std::string> keptAndDrained(size_t count, bool& spilled) {
    KeptFindings kept;
    for (size_t i = 0; i < count; ++i) kept.add(finding("K-" + std::to_string(i % 7), {std::to_string(i)}, static_cast<int64_t>(i)));
    spilled = kept.spilled();
    std::vector<std::string> lines;
    kept.drain([&](const patrol_finding& f) {
        lines.push_back(std::string(patrol::sdk::view(f.rule)) + " " + std::string(patrol::sdk::view(f.refs[0])) + " " +
                        std::to_string(f.amount_fen) + " " + std::to_string(f.detail.size));
        return true;
    });
    return lines;
}

std::vector<std::string> expectedLines(size_t count) {
    std::vector<std::string> lines;
    for (size_t i = 0; i < count; ++i) lines.push_back("K-" + std::to_string(i % 7) + " " + std::to_string(i) + " " + std::to_string(i) + " 300");
    return lines;
}

}  // namespace

TEST_CASE("Findings kept past the limit go to a file and drain in the order kept") {
    const size_t count = 2 * KeptFindings::kSpillAfter / 350;
    bool spilled = false;
    CHECK(keptAndDrained(count, spilled) == expectedLines(count));
    CHECK(spilled);
    CHECK(keptAndDrained(1000, spilled) == expectedLines(1000));
    CHECK_FALSE(spilled);
}

TEST_CASE("Kept findings stay in memory without a temporary folder, or when the file stops growing") {
    const size_t count = 2 * KeptFindings::kSpillAfter / 350;
    bool spilled = true;
    {
        const patrol::testing::TmpdirSetting folder("/nonexistent/patrol-test");
        CHECK(keptAndDrained(count, spilled) == expectedLines(count));
        CHECK_FALSE(spilled);
    }
    // write() fails with EFBIG past the limit, as on a full disk.
    std::vector<std::string> lines;
    {
        const patrol::testing::FileSizeLimit limit(KeptFindings::kSpillAfter + (size_t{1} << 20));
        lines = keptAndDrained(count, spilled);
    }
    CHECK(spilled);  // the first blocks went to the file before it stopped growing
    CHECK(lines == expectedLines(count));
}

namespace {
// The one unlinked temporary file (O_TMPFILE) this process has open: the kept findings' file.
int keptFile() {
    int found = -1, count = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        std::error_code error;
        const std::string target = std::filesystem::read_symlink(entry.path(), error).string();
        if (!error && target.find("/#") != std::string::npos && target.find("(deleted)") != std::string::npos) {
            found = std::stoi(entry.path().filename().string());
            ++count;
        }
    }
    REQUIRE(count == 1);
    return found;
}

// Bytes of disk (or memory) the file holds: less than its size once holes are punched in it.
off_t allocated(int fd) {
    struct stat st {};
    REQUIRE(::fstat(fd, &st) == 0);
    return static_cast<off_t>(st.st_blocks) * 512;
}
}  // namespace

TEST_CASE("Kept findings drained from the file give its pages back as they go") {
    const size_t count = 8 * KeptFindings::kSpillAfter / 350;  // about 16 MB in the file
    KeptFindings kept;
    for (size_t i = 0; i < count; ++i) kept.add(finding("K-1", {std::to_string(i)}, static_cast<int64_t>(i)));
    REQUIRE(kept.spilled());
    const int file = keptFile();
    const off_t before = allocated(file);
    REQUIRE(before > (off_t{12} << 20));
    size_t drained = 0;
    off_t nearTheEnd = -1;
    kept.drain([&](const patrol_finding&) {
        if (++drained == count * 7 / 8) nearTheEnd = allocated(file);
        return true;
    });
    CHECK(drained == count);
    // Seven eighths read: what is left of the file is the last eighth, and at most the 2 MiB
    // stretch being read.
    CHECK(nearTheEnd < before / 8 + (off_t{2} << 20) + (off_t{256} << 10));
}

TEST_CASE("ParallelRules emits the calling thread's rules, then the helper's, each in the order added") {
    RecordingHost host;
    const patrol_host_api api = host.api();
    const patrol::sdk::Context context(&api);
    ParallelRules rules;
    rules.helper(counted("H-1", 2000));
    rules.here(counted("C-1", 3));
    rules.helper(counted("H-2", 2));
    rules.here(counted("C-2", 1));
    FindingSink out(context);
    std::vector<size_t> progress;
    rules.run(out, [&](size_t done) { progress.push_back(done); });
    std::vector<std::string> expected = {"C-1", "C-1", "C-1", "C-2"};
    expected.insert(expected.end(), 2000, "H-1");
    expected.insert(expected.end(), {"H-2", "H-2"});
    CHECK(rulesEmitted(host) == expected);
    CHECK(host.emitted[4].substr(0, 8) == "H-1 U1 0");
    CHECK(host.emitted[2003].substr(0, 11) == "H-1 U1 1999");
    CHECK(progress == std::vector<size_t>{1, 2, 3, 4});
}

TEST_CASE("ParallelRules emits the either rules last, in the order added, whichever thread ran them") {
    RecordingHost host;
    const patrol_host_api api = host.api();
    const patrol::sdk::Context context(&api);
    // The helper's rule is long, so this thread takes the either rules; then the other way round.
    for (const bool helperBusy : {true, false}) {
        INFO("helper busy: " << helperBusy);
        host.emitted.clear();
        ParallelRules rules;
        rules.either(counted("E-1", 2));
        rules.helper(counted("H-1", helperBusy ? 20000 : 1));
        rules.here(counted("C-1", helperBusy ? 1 : 20000));
        rules.either(counted("E-2", 3));
        FindingSink out(context);
        std::vector<size_t> progress;
        rules.run(out, [&](size_t done) { progress.push_back(done); });
        std::vector<std::string> expected(helperBusy ? 1 : 20000, "C-1");
        expected.insert(expected.end(), helperBusy ? 20000 : 1, "H-1");
        expected.insert(expected.end(), {"E-1", "E-1", "E-2", "E-2", "E-2"});
        CHECK(rulesEmitted(host) == expected);
        CHECK(host.emitted.back().substr(0, 8) == "E-2 U1 2");
        CHECK(progress == std::vector<size_t>{1, 2, 3, 4});
    }
}

TEST_CASE("ParallelRules rethrows an either rule's exception after the findings before it") {
    RecordingHost host;
    const patrol_host_api api = host.api();
    const patrol::sdk::Context context(&api);
    ParallelRules rules;
    rules.here([](FindingSink& out) { out.emit(finding("C-1", {"1"})); });
    rules.either([](FindingSink& out) { out.emit(finding("E-1", {"1"})); });
    rules.either([](FindingSink&) { throw std::runtime_error("坏数据"); });
    rules.either([](FindingSink& out) { out.emit(finding("E-3", {"3"})); });
    FindingSink out(context);
    CHECK_THROWS_WITH(rules.run(out), "坏数据");
    REQUIRE(host.emitted.size() == 2);
    CHECK(host.emitted[0].substr(0, 3) == "C-1");
    CHECK(host.emitted[1].substr(0, 3) == "E-1");
}

TEST_CASE("ParallelRules rethrows a rule's exception after the findings before it") {
    RecordingHost host;
    const patrol_host_api api = host.api();
    const patrol::sdk::Context context(&api);
    ParallelRules rules;
    rules.here([](FindingSink& out) { out.emit(finding("C-1", {"1"})); });
    rules.helper([](FindingSink&) { throw std::runtime_error("坏数据"); });
    rules.helper([](FindingSink& out) { out.emit(finding("H-2", {"2"})); });
    FindingSink out(context);
    CHECK_THROWS_WITH(rules.run(out), "坏数据");
    REQUIRE(host.emitted.size() == 1);
    CHECK(host.emitted[0].substr(0, 3) == "C-1");
}

TEST_CASE("Display helpers round per-person figures and never round a share up to its limit") {
    CHECK(divideRounded(220000, 12) == 18333);
    CHECK(divideRounded(5, 2) == 3);
    CHECK(percent(49999, 100000) == "49.99");
    CHECK(percent(1, 2) == "50.00");
    CHECK(monthLabel(patrol::civil::monthIndex(patrol::civil::toDays({2026, 3, 14}))) == "2026年3月");
    CHECK(weekdayName(patrol::civil::toDays({2026, 3, 14})) == "星期六");
}
