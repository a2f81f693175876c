#include "core/plugins/json_syntax.hpp"

#include <cctype>

namespace patrol::plugins {

namespace {

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    std::optional<JsonSyntaxError> run() {
        skipSpace();
        if (!value(0)) return error_;
        skipSpace();
        if (at_ != text_.size()) return failHere("文件结尾（一个 JSON 值之后不应再有内容）");
        return std::nullopt;
    }

private:
    static constexpr int kMaxDepth = 512;

    bool atEnd() const { return at_ >= text_.size(); }
    char peek() const { return atEnd() ? '\0' : text_[at_]; }

    void skipSpace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++at_;
    }

    // What stands at the current place, in words.
    std::string foundHere() const {
        if (atEnd()) return "文件结尾";
        const unsigned char c = static_cast<unsigned char>(peek());
        if (c < 0x20) return "控制字符（编码 " + std::to_string(c) + "）";
        size_t length = 1;  // the whole UTF-8 character, so a Chinese comma shows as itself
        if (c >= 0xF0) length = 4;
        else if (c >= 0xE0) length = 3;
        else if (c >= 0xC0) length = 2;
        return std::string(" \"").append(text_.substr(at_, length)).append("\"");
    }

    bool fail(size_t at, std::string expected, std::string found) {
        JsonSyntaxError e;
        for (size_t i = 0; i < at && i < text_.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(text_[i]);
            if (c == '\n') {
                ++e.line;
                e.column = 1;
            } else if ((c & 0xC0) != 0x80) {  // continuation bytes belong to the character before
                ++e.column;
            }
        }
        e.expected = std::move(expected);
        e.found = std::move(found);
        error_ = std::move(e);
        return false;
    }
    std::optional<JsonSyntaxError> failHere(const std::string& expected) {
        fail(at_, expected, foundHere());
        return error_;
    }
    bool expect(const std::string& expected) { return fail(at_, expected, foundHere()); }

    bool value(int depth) {
        if (depth > kMaxDepth) return fail(at_, "嵌套不超过 " + std::to_string(kMaxDepth) + " 层的值", "更深的嵌套");
        switch (peek()) {
        case '{': return object(depth);
        case '[': return array(depth);
        case '"': return string();
        case 't': return word("true");
        case 'f': return word("false");
        case 'n': return word("null");
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return number();
            return expect("一个值（对象、数组、带双引号的字符串、数、true、false 或 null）");
        }
    }

    bool word(std::string_view w) {
        if (text_.substr(at_, w.size()) != w) return expect(std::string(" ").append(w));
        at_ += w.size();
        return true;
    }

    bool digits() {
        if (!(peek() >= '0' && peek() <= '9')) return expect("数字");
        while (peek() >= '0' && peek() <= '9') ++at_;
        return true;
    }

    bool number() {
        if (peek() == '-') ++at_;
        if (peek() == '0') {
            ++at_;
        } else if (!digits()) {
            return false;
        }
        if (peek() == '.') {
            ++at_;
            if (!digits()) return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++at_;
            if (peek() == '+' || peek() == '-') ++at_;
            if (!digits()) return false;
        }
        return true;
    }

    bool string() {
        ++at_;  // the opening quote
        for (;;) {
            if (atEnd()) return expect("字符串结尾的双引号 \"");
            const unsigned char c = static_cast<unsigned char>(peek());
            if (c == '"') {
                ++at_;
                return true;
            }
            if (c < 0x20) return expect(c == '\n' ? "字符串结尾的双引号 \"（字符串不能跨行）" : "字符串中的普通字符（控制字符须写成转义）");
            if (c == '\\') {
                ++at_;
                const char e = peek();
                if (e == 'u') {
                    ++at_;
                    for (int i = 0; i < 4; ++i, ++at_)
                        if (!std::isxdigit(static_cast<unsigned char>(peek()))) return expect(" \\u 后的四位十六进制数");
                    continue;
                }
                if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos || atEnd())
                    return expect("转义 \\\"、\\\\、\\/、\\b、\\f、\\n、\\r、\\t 或 \\uXXXX");
            }
            ++at_;
        }
    }

    bool array(int depth) {
        ++at_;
        skipSpace();
        if (peek() == ']') {
            ++at_;
            return true;
        }
        for (;;) {
            skipSpace();
            if (!value(depth + 1)) return false;
            skipSpace();
            if (peek() == ',') {
                ++at_;
                skipSpace();
                if (peek() == ']') return expect("下一个值（最后一项之后不能有逗号）");
                continue;
            }
            if (peek() == ']') {
                ++at_;
                return true;
            }
            return expect(" \",\" 或 \"]\"");
        }
    }

    bool object(int depth) {
        ++at_;
        skipSpace();
        if (peek() == '}') {
            ++at_;
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() != '"') return expect("带双引号的键");
            if (!string()) return false;
            skipSpace();
            if (peek() != ':') return expect(" \":\"");
            ++at_;
            skipSpace();
            if (!value(depth + 1)) return false;
            skipSpace();
            if (peek() == ',') {
                ++at_;
                skipSpace();
                if (peek() == '}') return expect("下一个键（最后一项之后不能有逗号）");
                continue;
            }
            if (peek() == '}') {
                ++at_;
                return true;
            }
            return expect(" \",\" 或 \"}\"");
        }
    }

    std::string_view text_;
    size_t at_ = 0;
    std::optional<JsonSyntaxError> error_;
};

}  // namespace

std::optional<JsonSyntaxError> findJsonSyntaxError(std::string_view text) { return Scanner(text).run(); }

}  // namespace patrol::plugins
