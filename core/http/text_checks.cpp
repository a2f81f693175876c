#include "core/http/text_checks.hpp"

#include <algorithm>

#include "core/data/text_encoding.hpp"
#include "core/http/http_refusal.hpp"

namespace patrol::http {

void requireCleanText(const std::string& value, const std::string& field, const std::string& label) {
    if (!data::isValidUtf8(value))
        throw HttpRefusal(400, "invalid_text", label + " 不是有效的 UTF-8 文本，未作任何改动。请以 UTF-8 编码提交。", field);
    const bool control = std::any_of(value.begin(), value.end(), [](unsigned char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    });
    if (control)
        throw HttpRefusal(400, "invalid_text", label + " 含有控制字符（如 \\u0000、\\u001b），未作任何改动。请删除这些不可见字符后重试。", field);
}

}  // namespace patrol::http
