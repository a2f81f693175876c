// A finding's wire frame, as an isolated run's child writes it and the host reads it: the bytes
// are those of the field-by-field wire::Writer encoding, and read back into an arena the finding
// is the one emitted, down to absent texts, NUL bytes and an amount the rule does not name, as it
// is when added in process. A finding larger than a frame holds is refused on both paths.
#include "core/plugins/finding_frame.hpp"
#include "core/plugins/wire.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

using namespace patrol::plugins;

namespace {

patrol_text textOf(std::string_view s) { return {s.data(), s.size()}; }

// The frame as wire::Writer builds it, one field after another: the reference.
std::string writerFrame(const patrol_finding& f) {
    auto view = [](patrol_text t) { return t.data ? std::string_view(t.data, static_cast<size_t>(t.size)) : std::string_view(); };
    wire::Writer w;
    w.text(view(f.rule));
    w.text(view(f.unit));
    w.u32(f.ref_count);
    for (uint32_t i = 0; i < f.ref_count; ++i) w.text(view(f.refs[i]));
    w.u8(f.has_amount ? 1 : 0);
    w.i64(f.has_amount ? f.amount_fen : 0);
    w.text(view(f.title));
    w.text(view(f.detail));
    return w.frame(wire::Finding);
}

}  // namespace

TEST_CASE("a finding's frame holds the bytes of the field-by-field encoding and reads back as emitted") {
    const std::string nul("甲\0乙", 7);
    const std::vector<patrol_text> refs = {textOf("E2"), textOf(nul), textOf("")};
    patrol_finding full{};
    full.struct_size = sizeof(patrol_finding);
    full.rule = textOf("FS-03");
    full.unit = textOf("U0012");
    full.refs = refs.data();
    full.ref_count = static_cast<uint32_t>(refs.size());
    full.has_amount = 1;
    full.amount_fen = -520000;
    full.title = textOf("标题 \"引号\"");
    full.detail = textOf(nul);

    patrol_finding bare{};  // no refs, texts absent (null pointers), an amount not named
    bare.struct_size = sizeof(patrol_finding);
    bare.rule = textOf("FS-01");
    bare.has_amount = 0;
    bare.amount_fen = 12345;

    std::string frames = "prefix";
    appendFindingFrame(frames, full);
    appendFindingFrame(frames, bare);
    REQUIRE(frames == "prefix" + writerFrame(full) + writerFrame(bare));

    FindingArena arena;
    std::vector<std::string_view> scratch;
    wire::Reader reader(std::string_view(frames).substr(6));
    wire::Kind kind;
    std::string_view payload;
    while (reader.frame(kind, payload)) {
        REQUIRE(kind == wire::Finding);
        addFindingFrame(arena, "four_styles", payload, scratch);
    }
    REQUIRE(arena.size() == 2);
    const CheckFinding first = arena.owned(0), second = arena.owned(1);
    CHECK(first.plugin == "four_styles");
    CHECK(first.rule == "FS-03");
    CHECK(first.unit == "U0012");
    CHECK(first.refs == std::vector<std::string>{"", "E2", nul});  // sorted by the arena
    CHECK(first.amountFen == -520000);
    CHECK(first.title == "标题 \"引号\"");
    CHECK(first.detail == nul);
    CHECK(second.rule == "FS-01");
    CHECK(second.unit.empty());
    CHECK(second.refs.empty());
    CHECK_FALSE(second.amountFen.has_value());
    CHECK(second.title.empty());
    CHECK(second.detail.empty());

    // In process the same findings go into the arena straight from the plugin's form.
    FindingArena direct;
    addFinding(direct, "four_styles", full, scratch);
    addFinding(direct, "four_styles", bare, scratch);
    REQUIRE(direct.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        const CheckFinding a = arena.owned(i), b = direct.owned(i);
        CHECK(std::tie(a.plugin, a.rule, a.unit, a.refs, a.amountFen, a.title, a.detail) ==
              std::tie(b.plugin, b.rule, b.unit, b.refs, b.amountFen, b.title, b.detail));
    }
}

TEST_CASE("a finding's payload cut short is refused, and nothing of it is added") {
    patrol_finding f{};
    f.struct_size = sizeof(patrol_finding);
    f.rule = textOf("FS-03");
    f.unit = textOf("U0012");
    f.title = textOf("标题");
    f.detail = textOf("说明");
    std::string frame;
    appendFindingFrame(frame, f);
    const std::string_view payload = std::string_view(frame).substr(5);
    FindingArena arena;
    std::vector<std::string_view> scratch;
    for (const size_t cut : {size_t{0}, size_t{3}, payload.size() / 2, payload.size() - 1}) {
        CHECK_THROWS_WITH(addFindingFrame(arena, "four_styles", payload.substr(0, cut), scratch), "truncated frame");
        CHECK(arena.size() == 0);
    }
    addFindingFrame(arena, "four_styles", payload, scratch);
    CHECK(arena.size() == 1);
}

TEST_CASE("a finding larger than a frame holds is refused before any of its text is read, and nothing is appended") {
    const patrol_text ref{"X1", 2};
    patrol_finding f{};
    f.struct_size = sizeof(patrol_finding);
    f.rule = textOf("FS-03");
    f.unit = textOf("U1");
    f.refs = &ref;
    f.ref_count = 1;
    // Only the sizes are true; the texts are never read (a read would run far past them).
    f.title = {"甲", 3};
    // The frame's other fields take 45 bytes: one byte past what its 32-bit length holds.
    f.detail = {"乙", (uint64_t{4} << 30) - 45};
    std::string out = "kept";
    CHECK_THROWS_WITH(appendFindingFrame(out, f), "报告的疑似问题过大：一个疑似问题的文字合计不能超过 4 GB");
    CHECK_THROWS_AS(checkFindingFits(f), std::length_error);
    CHECK(out == "kept");
    FindingArena arena;
    std::vector<std::string_view> scratch;
    CHECK_THROWS_WITH(addFinding(arena, "four_styles", f, scratch), "报告的疑似问题过大：一个疑似问题的文字合计不能超过 4 GB");
    CHECK(arena.size() == 0);
    f.detail.size = (uint64_t{4} << 30) - 46;  // just within: measured, not refused
    CHECK_NOTHROW(checkFindingFits(f));
}
