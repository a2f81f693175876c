#include "core/domain/excerpt.hpp"
#include "core/services/input_checks.hpp"

#include <patrol/sdk/civil.hpp>
#include <patrol/sdk/money.hpp>

#include "core/data/text_encoding.hpp"
#include "core/domain/errors.hpp"
#include "core/store/clock.hpp"

namespace patrol::services {

namespace {

std::optional<int64_t> parseWhole(std::string_view text) {
    if (text.empty() || text.size() > 15) return std::nullopt;
    int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// Characters, not bytes: a Chinese character is one.
size_t characters(std::string_view utf8) {
    size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

void requireClean(std::string_view text, std::string_view what, std::string_view field, size_t maxChars, bool oneLine) {
    auto refuse = [&](const std::string& rest) { throw InvalidInput(std::string(field), std::string(what), rest); };
    if (!data::isValidUtf8(text)) refuse("不是有效的 UTF-8 文本：请用 UTF-8 编码重新填写。");
    for (unsigned char c : text) {
        if (oneLine && (c == '\n' || c == '\r')) refuse("不能换行：请写成一行。");
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            refuse("含有控制字符（如 \\u0000、\\u001b 这类不可见字符）：请删除后重试。");
    }
    if (const size_t n = characters(text); n > maxChars)
        refuse("太长：最多 " + std::to_string(maxChars) + " 个字，收到 " + std::to_string(n) + " 个字。");
}

std::string requireFilled(std::string_view text, std::string_view what, std::string_view field) {
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return std::string(text);
    throw InvalidInput(std::string(field), std::string(what), "不能为空，请填写。");
}

}  // namespace

std::string requireCode(std::string_view text, std::string_view what, std::string_view field) {
    bool ok = !text.empty() && text.size() <= 64;
    for (char c : text)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                    c == '.');
    if (!ok)
        throw InvalidInput(std::string(field), std::string(what), "「" + domain::excerpt(text) +
                           "」无效：只能由字母、数字和 - _ . 组成，长度 1 到 64 个字符，例如 2026-R2 或 QX-HT。");
    return std::string(text);
}

std::string requireText(std::string_view text, std::string_view what, std::string_view field) {
    requireClean(text, what, field, kMaxTextChars, false);
    return requireFilled(text, what, field);
}

std::string requireLine(std::string_view text, std::string_view what, std::string_view field) {
    requireClean(text, what, field, kMaxLineChars, true);
    return requireFilled(text, what, field);
}

std::string optionalText(std::string_view text, std::string_view what, std::string_view field) {
    requireClean(text, what, field, kMaxTextChars, false);
    return std::string(text);
}

int32_t requireDate(std::string_view text, std::string_view what, std::string_view field) {
    if (const auto day = civil::parseDate(text)) return *day;
    throw InvalidInput(std::string(field), std::string(what), "「" + domain::excerpt(text) +
                       "」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。");
}

int64_t requireAmount(std::string_view text, std::string_view field) {
    if (const auto fen = money::parseFen(text)) return *fen;
    throw InvalidInput(std::string(field), "金额", "「" + domain::excerpt(text) + "」无效：应为以元为单位、最多两位小数的非负数，例如 1234.50。");
}

int64_t requireId(std::string_view text, std::string_view what, std::string_view field) {
    if (const auto id = parseWhole(text); id && *id > 0) return *id;
    throw InvalidInput(std::string(field), std::string(what), "「" + domain::excerpt(text) + "」无效：应为正整数，例如 12。");
}

int64_t requireCount(std::string_view text, std::string_view what, std::string_view field) {
    if (const auto n = parseWhole(text)) return *n;
    throw InvalidInput(std::string(field), std::string(what), "「" + domain::excerpt(text) + "」无效：应为 0 或正整数。");
}

int32_t localToday() { return store::localToday(); }

}  // namespace patrol::services
