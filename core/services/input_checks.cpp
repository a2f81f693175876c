#include "core/services/input_checks.hpp"

#include <patrol/sdk/civil.hpp>
#include <patrol/sdk/money.hpp>

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

}  // namespace

std::string requireCode(std::string_view text, std::string_view what, std::string_view field) {
    bool ok = !text.empty() && text.size() <= 64;
    for (char c : text)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                    c == '.');
    if (!ok)
        throw InvalidInput(std::string(field), std::string(what), "「" + std::string(text) +
                           "」无效：只能由字母、数字和 - _ . 组成，长度 1 到 64 个字符，例如 2026-R2 或 QX-HT。");
    return std::string(text);
}

std::string requireText(std::string_view text, std::string_view what, std::string_view field) {
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return std::string(text);
    throw InvalidInput(std::string(field), std::string(what), "不能为空，请填写。");
}

int32_t requireDate(std::string_view text, std::string_view what, std::string_view field) {
    if (const auto day = civil::parseDate(text)) return *day;
    throw InvalidInput(std::string(field), std::string(what), "「" + std::string(text) +
                       "」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。");
}

int64_t requireAmount(std::string_view text, std::string_view field) {
    if (const auto fen = money::parseFen(text)) return *fen;
    throw InvalidInput(std::string(field), "金额", "「" + std::string(text) + "」无效：应为以元为单位、最多两位小数的非负数，例如 1234.50。");
}

int64_t requireId(std::string_view text, std::string_view what, std::string_view field) {
    if (const auto id = parseWhole(text); id && *id > 0) return *id;
    throw InvalidInput(std::string(field), std::string(what), "「" + std::string(text) + "」无效：应为正整数，例如 12。");
}

int64_t requireCount(std::string_view text, std::string_view what, std::string_view field) {
    if (const auto n = parseWhole(text)) return *n;
    throw InvalidInput(std::string(field), std::string(what), "「" + std::string(text) + "」无效：应为 0 或正整数。");
}

int32_t localToday() { return store::localToday(); }

}  // namespace patrol::services
