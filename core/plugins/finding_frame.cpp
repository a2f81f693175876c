#include "core/plugins/finding_frame.hpp"

#include "core/plugins/wire.hpp"

#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <optional>
#include <stdexcept>

namespace patrol::plugins {

namespace {

std::string_view viewOf(patrol_text t) { return t.data ? std::string_view(t.data, static_cast<size_t>(t.size)) : std::string_view(); }

// Writes raw bytes at `at` and returns where they end.
char* put(char* at, const void* bytes, size_t size) {
    if (size) std::memcpy(at, bytes, size);
    return at + size;
}

char* putText(char* at, std::string_view s) {
    const auto size = static_cast<uint32_t>(s.size());
    return put(put(at, &size, 4), s.data(), s.size());
}

// Bytes of a finding's frame after its kind and length; std::length_error past what the frame's
// 32-bit length holds. Measured from the sizes alone: no text is read.
uint64_t payloadBytes(const patrol_finding& f) {
    uint64_t bytes = 4 + uint64_t{viewOf(f.rule).size()} + 4 + viewOf(f.unit).size() + 4 + 1 + 8 + 4 + viewOf(f.title).size() + 4 + viewOf(f.detail).size();
    for (uint32_t i = 0; i < f.ref_count; ++i) bytes += 4 + uint64_t{viewOf(f.refs[i]).size()};
    if (bytes > std::numeric_limits<uint32_t>::max()) throw std::length_error("报告的疑似问题过大：一个疑似问题的文字合计不能超过 4 GB");
    return bytes;
}

}  // namespace

void checkFindingFits(const patrol_finding& f) { payloadBytes(f); }

std::string refusalReason(const std::exception_ptr& thrown) {
    try {
        std::rethrow_exception(thrown);
    } catch (const std::bad_alloc&) {
        return "内存不足，无法保存插件报告的疑似问题";
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "无法保存插件报告的疑似问题";
    }
}

void appendFindingFrame(std::string& out, const patrol_finding& f) {
    const uint64_t payload = payloadBytes(f);
    const std::string_view rule = viewOf(f.rule), unit = viewOf(f.unit), title = viewOf(f.title), detail = viewOf(f.detail);
    const size_t start = out.size();
    // Room first, then every field written in place: resize_and_overwrite is C++23.
    out.resize(start + 5 + static_cast<size_t>(payload));
    char* at = out.data() + start;
    *at++ = static_cast<char>(wire::Finding);
    const auto length = static_cast<uint32_t>(payload);
    at = put(at, &length, 4);
    at = putText(at, rule);
    at = putText(at, unit);
    at = put(at, &f.ref_count, 4);
    for (uint32_t i = 0; i < f.ref_count; ++i) at = putText(at, viewOf(f.refs[i]));
    const uint8_t hasAmount = f.has_amount ? 1 : 0;
    const int64_t amount = f.has_amount ? f.amount_fen : 0;
    at = put(at, &hasAmount, 1);
    at = put(at, &amount, 8);
    at = putText(at, title);
    putText(at, detail);
}

void addFindingFrame(FindingArena& arena, std::string_view plugin, std::string_view payload, std::vector<std::string_view>& refs) {
    wire::Reader r(payload);
    const std::string_view rule = r.textView();
    const std::string_view unit = r.textView();
    const uint32_t refCount = r.u32();
    refs.clear();
    for (uint32_t i = 0; i < refCount; ++i) refs.push_back(r.textView());
    const bool hasAmount = r.u8() != 0;
    const int64_t amount = r.i64();
    const std::string_view title = r.textView();
    const std::string_view detail = r.textView();
    arena.add(plugin, rule, unit, refs.data(), refs.size(), hasAmount ? std::optional<int64_t>(amount) : std::nullopt, title, detail);
}

void addFinding(FindingArena& arena, std::string_view plugin, const patrol_finding& f, std::vector<std::string_view>& refs) {
    checkFindingFits(f);
    refs.clear();
    for (uint32_t i = 0; i < f.ref_count; ++i) refs.push_back(viewOf(f.refs[i]));
    arena.add(plugin, viewOf(f.rule), viewOf(f.unit), refs.data(), refs.size(), f.has_amount ? std::optional<int64_t>(f.amount_fen) : std::nullopt,
              viewOf(f.title), viewOf(f.detail));
}

}  // namespace patrol::plugins
