// A small strict JSON reader for calendar files: the domain stays free of libraries and I/O.
#include "core/domain/calendar_file.hpp"

#include <patrol/sdk/civil.hpp>

#include <utility>
#include <vector>

#include "core/domain/errors.hpp"

namespace patrol::domain {
namespace {

struct JsonMember;

struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object } kind = Kind::Null;
    std::string text;  // string contents, or the number as written
    std::vector<JsonValue> items;
    // A named struct, not std::pair: clang cannot instantiate a pair of the still incomplete
    // JsonValue inside its own definition (the fuzz build compiles this with clang).
    std::vector<JsonMember> members;
    size_t offset = 0;  // where the value starts, for messages
};

struct JsonMember {
    std::string key;
    JsonValue value;
};

const char* kindName(JsonValue::Kind k) {
    switch (k) {
        case JsonValue::Kind::Null: return "null";
        case JsonValue::Kind::Bool: return "布尔值";
        case JsonValue::Kind::Number: return "数字";
        case JsonValue::Kind::String: return "字符串";
        case JsonValue::Kind::Array: return "数组";
        case JsonValue::Kind::Object: return "对象";
    }
    return "?";
}

const char* const kFormatHint =
    "正确格式示例：{\"years\": [2026], \"holidays\": [\"2026-01-01\"], \"workdays\": [\"2026-01-04\"]}";

class Reader {
public:
    Reader(std::string_view text, std::string_view source) : text_(text), source_(source) {}

    JsonValue document() {
        skipSpace();
        JsonValue v = value(0);
        skipSpace();
        if (pos_ != text_.size()) fail(pos_, "文件结束", describeHere());
        return v;
    }

    [[noreturn]] void fail(size_t at, const std::string& expected, const std::string& found) const {
        size_t line = 1, col = 1;
        for (size_t i = 0; i < at && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
                ++col;
            }
        }
        throw UserError("日历文件 " + std::string(source_) + " 第 " + std::to_string(line) + " 行第 " +
                        std::to_string(col) + " 列：期望" + expected + "，实际为" + found + "。" + kFormatHint);
    }

private:
    std::string describeHere() const {
        if (pos_ >= text_.size()) return "文件结束";
        return "“" + std::string(1, text_[pos_]) + "”";
    }

    void skipSpace() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }

    void expectChar(char c) {
        if (pos_ >= text_.size() || text_[pos_] != c) fail(pos_, std::string("“") + c + "”", describeHere());
        ++pos_;
    }

    JsonValue value(int depth) {
        if (depth > 32) fail(pos_, "嵌套不超过 32 层", "更深的嵌套");
        if (pos_ >= text_.size()) fail(pos_, "一个 JSON 值", "文件结束");
        JsonValue v;
        v.offset = pos_;
        const char c = text_[pos_];
        if (c == '{') {
            v.kind = JsonValue::Kind::Object;
            ++pos_;
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == '}') {
                ++pos_;
                return v;
            }
            for (;;) {
                skipSpace();
                if (pos_ >= text_.size() || text_[pos_] != '"') fail(pos_, "用双引号括起的键名", describeHere());
                std::string key = string();
                skipSpace();
                expectChar(':');
                skipSpace();
                v.members.push_back(JsonMember{std::move(key), value(depth + 1)});
                skipSpace();
                if (pos_ < text_.size() && text_[pos_] == ',') {
                    ++pos_;
                    continue;
                }
                expectChar('}');
                return v;
            }
        }
        if (c == '[') {
            v.kind = JsonValue::Kind::Array;
            ++pos_;
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ']') {
                ++pos_;
                return v;
            }
            for (;;) {
                skipSpace();
                v.items.push_back(value(depth + 1));
                skipSpace();
                if (pos_ < text_.size() && text_[pos_] == ',') {
                    ++pos_;
                    continue;
                }
                expectChar(']');
                return v;
            }
        }
        if (c == '"') {
            v.kind = JsonValue::Kind::String;
            v.text = string();
            return v;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            v.kind = JsonValue::Kind::Number;
            const size_t start = pos_;
            if (text_[pos_] == '-') ++pos_;
            while (pos_ < text_.size() && ((text_[pos_] >= '0' && text_[pos_] <= '9') || text_[pos_] == '.' ||
                                           text_[pos_] == 'e' || text_[pos_] == 'E' || text_[pos_] == '+' ||
                                           text_[pos_] == '-'))
                ++pos_;
            v.text = std::string(text_.substr(start, pos_ - start));
            return v;
        }
        for (const char* word : {"true", "false", "null"}) {
            const std::string_view w(word);
            if (text_.substr(pos_, w.size()) == w) {
                v.kind = w == "null" ? JsonValue::Kind::Null : JsonValue::Kind::Bool;
                v.text = std::string(w);
                pos_ += w.size();
                return v;
            }
        }
        fail(pos_, "一个 JSON 值（对象、数组、字符串、数字、true、false 或 null）", describeHere());
    }

    unsigned hex4() {
        if (pos_ + 4 > text_.size()) fail(pos_, "4 位十六进制数字", "文件结束");
        unsigned u = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = text_[pos_++];
            u <<= 4;
            if (h >= '0' && h <= '9') u |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f') u |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') u |= static_cast<unsigned>(h - 'A' + 10);
            else fail(pos_ - 1, "十六进制数字", std::string("“") + h + "”");
        }
        return u;
    }

    static void appendUtf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::string string() {
        expectChar('"');
        std::string out;
        for (;;) {
            if (pos_ >= text_.size()) fail(pos_, "字符串结尾的“\"”", "文件结束");
            const char c = text_[pos_++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) fail(pos_ - 1, "字符串内不含控制字符", "控制字符");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size()) fail(pos_, "转义字符", "文件结束");
            const char e = text_[pos_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
                        pos_ += 2;
                        const unsigned low = hex4();
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    appendUtf8(out, cp);
                    break;
                }
                default: fail(pos_ - 1, "合法的转义字符", std::string("“\\") + e + "”");
            }
        }
    }

    std::string_view text_;
    std::string_view source_;
    size_t pos_ = 0;
};

std::set<int32_t> dateList(Reader& reader, const JsonValue& v, const char* key) {
    if (v.kind != JsonValue::Kind::Array)
        reader.fail(v.offset, std::string("“") + key + "”为日期字符串数组", kindName(v.kind));
    std::set<int32_t> days;
    for (const JsonValue& item : v.items) {
        if (item.kind != JsonValue::Kind::String)
            reader.fail(item.offset, "YYYY-MM-DD 格式的日期字符串", kindName(item.kind));
        const auto day = civil::parseDate(item.text);
        if (!day) reader.fail(item.offset, "YYYY-MM-DD 格式的真实日期", "“" + item.text + "”");
        days.insert(*day);
    }
    return days;
}

std::set<int> yearList(Reader& reader, const JsonValue& v) {
    if (v.kind != JsonValue::Kind::Array) reader.fail(v.offset, "“years”为年份整数数组", kindName(v.kind));
    std::set<int> years;
    for (const JsonValue& item : v.items) {
        bool digits = item.kind == JsonValue::Kind::Number && !item.text.empty() && item.text.size() <= 4;
        for (char c : item.text) digits = digits && c >= '0' && c <= '9';
        const int year = digits ? std::stoi(item.text) : 0;
        if (year < 1 || year > 9999)
            reader.fail(item.offset, "1 到 9999 之间的整数年份",
                        item.kind == JsonValue::Kind::Number ? item.text : std::string(kindName(item.kind)));
        years.insert(year);
    }
    return years;
}

}  // namespace

CalendarFile parseCalendarFile(std::string_view jsonText, std::string_view source) {
    if (jsonText.substr(0, 3) == "\xEF\xBB\xBF") jsonText.remove_prefix(3);  // tolerate a UTF-8 BOM
    Reader reader(jsonText, source);
    const JsonValue doc = reader.document();
    if (doc.kind != JsonValue::Kind::Object) reader.fail(doc.offset, "一个 JSON 对象", kindName(doc.kind));

    CalendarFile file;
    bool hasYears = false;
    for (const auto& [key, value] : doc.members) {
        if (key == "years") {
            file.years = yearList(reader, value);
            hasYears = true;
        } else if (key == "holidays") {
            file.holidays = dateList(reader, value, "holidays");
        } else if (key == "workdays") {
            file.workdays = dateList(reader, value, "workdays");
        }
    }
    // A day both off and worked cannot be right; which list holds the mistake only a person knows.
    for (const auto& [key, value] : doc.members)
        if (key == "workdays")
            for (const JsonValue& item : value.items)
                if (file.holidays.count(*civil::parseDate(item.text)))
                    reader.fail(item.offset, "不在 holidays 中的日期（一天不能既放假又调休上班，请删去其中一处）",
                                "“" + item.text + "”，它也列在 holidays 中");
    if (!hasYears) {
        for (const auto* list : {&file.holidays, &file.workdays})
            for (int32_t day : *list) file.years.insert(civil::fromDays(day).year);
    }
    return file;
}

}  // namespace patrol::domain
