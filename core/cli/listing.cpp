#include "core/cli/listing.hpp"

#include "core/domain/errors.hpp"

#include <patrol/sdk/money.hpp>

namespace patrol::cli {

ListingFormat parseListingFormat(const std::optional<std::string>& word, bool excel) {
    if (excel) {
        if (!word || *word == "csv") return ListingFormat::ExcelCsv;
        throw UserError("--excel 只用于 CSV 输出，不能与 --format " + *word + " 同时使用。请改用 --format csv --excel，或去掉 --excel。");
    }
    if (!word || *word == "table") return ListingFormat::Table;
    if (*word == "json") return ListingFormat::Json;
    if (*word == "csv") return ListingFormat::Csv;
    throw UserError("--format 应为 table、json 或 csv 之一，收到的是 \"" + *word + "\"。");
}

const OptionSpec& excelOption() {
    static const OptionSpec option{"excel", "", "CSV 给 Excel 用：UTF-8 BOM、中文列名和取值、CRLF 换行（可省略 --format csv）"};
    return option;
}

Cell Cell::money(int64_t fen) { return {Kind::Number, patrol::money::formatYuan(fen)}; }

std::string jsonQuote(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                static const char* hex = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes count as one column each.
static uint32_t nextCodePoint(std::string_view s, size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    int length = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    if (i + static_cast<size_t>(length) > s.size()) length = 1;
    uint32_t cp = length == 1 ? b : b & (0x7F >> length);
    for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
    i += static_cast<size_t>(length);
    return cp;
}

size_t displayWidth(std::string_view s) {
    size_t width = 0;
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {  // codes, dates and figures: one column a byte
            ++width;
            ++i;
            continue;
        }
        const uint32_t cp = nextCodePoint(s, i);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                          (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

void Listing::print(std::ostream& out, ListingFormat format) const {
    switch (format) {
    case ListingFormat::Table: printTable(out); break;
    case ListingFormat::Json: printJson(out); break;
    case ListingFormat::Csv: printCsv(out); break;
    case ListingFormat::ExcelCsv: printExcelCsv(out); break;
    }
}

// What a table shows for a cell: its label, else its text; "-" for nothing, 是/否 for a yes or no.
static std::string_view tableText(const Cell& c) {
    if (c.kind == Cell::Kind::Null) return "-";
    if (c.kind == Cell::Kind::Boolean) return c.text == "true" ? "是" : "否";
    return c.label.empty() ? std::string_view(c.text) : std::string_view(c.label);
}

// Appends a cell's text with its line breaks and tabs as spaces, which keeps a row on one line
// and its width the same (each is one column either way). One pass over the copied bytes:
// find_first_of with a set of three looked each byte up in the set by a call of its own, about
// 4 % of the samples of a 50,000-row table.
static void appendOneLine(std::string& to, std::string_view text) {
    const size_t from = to.size();
    to.append(text);
    for (size_t i = from; i < to.size(); ++i)
        if (to[i] == '\n' || to[i] == '\r' || to[i] == '\t') to[i] = ' ';
}

void Listing::printTable(std::ostream& out) const {
    std::vector<size_t> shown;  // the fields a table shows, by index
    for (size_t i = 0; i < fields_.size(); ++i)
        if (fields_[i].inTable) shown.push_back(i);
    std::vector<size_t> widths;
    for (size_t i : shown) widths.push_back(displayWidth(fields_[i].header));
    for (const auto& row : rows_)
        for (size_t k = 0; k < shown.size() && shown[k] < row.size(); ++k)
            widths[k] = std::max(widths[k], displayWidth(tableText(row[shown[k]])));
    // Lines gather in one buffer written a megabyte at a time: 50,000 rows written line by line
    // through the stream, each cell copied on the way, took most of `task list`'s time.
    std::string text;
    constexpr size_t kWriteAt = size_t{1} << 20;
    text.reserve(kWriteAt + 4096);
    auto cell = [&](size_t k, std::string_view shownText, bool last) {
        appendOneLine(text, shownText);
        if (!last) text.append(widths[k] - displayWidth(shownText) + 2, ' ');
    };
    for (size_t k = 0; k < shown.size(); ++k) cell(k, fields_[shown[k]].header, k + 1 == shown.size());
    text.push_back('\n');
    for (const auto& row : rows_) {
        size_t cells = 0;
        while (cells < shown.size() && shown[cells] < row.size()) ++cells;
        for (size_t k = 0; k < cells; ++k) cell(k, tableText(row[shown[k]]), k + 1 == cells);
        text.push_back('\n');
        if (text.size() >= kWriteAt) {
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
            text.clear();
        }
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (counted_) out << "（共 " << rows_.size() << " 条）\n";
}

static std::string jsonValue(const Cell& c) {
    switch (c.kind) {
    case Cell::Kind::Text: return jsonQuote(c.text);
    case Cell::Kind::Null: return "null";
    default: return c.text;
    }
}

void Listing::printJson(std::ostream& out) const {
    out << "[";
    for (size_t r = 0; r < rows_.size(); ++r) {
        out << (r ? ",\n " : "\n ") << "{";
        for (size_t i = 0; i < fields_.size() && i < rows_[r].size(); ++i)
            out << (i ? "," : "") << jsonQuote(fields_[i].name) << ":" << jsonValue(rows_[r][i]);
        out << "}";
    }
    out << (rows_.empty() ? "]\n" : "\n]\n");
}

static std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The one CSV writer (RFC 4180: quoted where needed, CRLF after every record).
static void csvRecord(std::ostream& out, const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csvField(fields[i]);
    out << "\r\n";
}

void Listing::printCsv(std::ostream& out) const {
    std::vector<std::string> names;
    for (const auto& f : fields_) names.push_back(f.name);
    csvRecord(out, names);
    for (const auto& row : rows_) {
        std::vector<std::string> values;
        for (const auto& cell : row) values.push_back(cell.kind == Cell::Kind::Null ? "" : cell.text);
        csvRecord(out, values);
    }
}

// What a table shows, with full texts: Excel users read the same columns and words as the table.
void Listing::printExcelCsv(std::ostream& out) const {
    out << "\xEF\xBB\xBF";  // the BOM by which Excel knows the file is UTF-8
    std::vector<size_t> shown;
    std::vector<std::string> headers;
    for (size_t i = 0; i < fields_.size(); ++i)
        if (fields_[i].inTable) {
            shown.push_back(i);
            headers.push_back(fields_[i].header);
        }
    csvRecord(out, headers);
    for (const auto& row : rows_) {
        std::vector<std::string> values;
        for (size_t i : shown) {
            const Cell& c = i < row.size() ? row[i] : Cell{};
            values.push_back(c.kind == Cell::Kind::Null      ? ""
                             : c.kind == Cell::Kind::Boolean ? (c.text == "true" ? "是" : "否")
                             : !c.label.empty()              ? c.label
                                                             : c.text);
        }
        csvRecord(out, values);
    }
}

}  // namespace patrol::cli
