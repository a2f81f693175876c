// Every listing the CLI prints, in one of three formats: an aligned table for people,
// JSON (an array of objects with stable English field names) or CSV for spreadsheets.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/cli/command.hpp"

namespace patrol::cli {

// ExcelCsv: CSV for people opening it in Excel on Chinese Windows — a UTF-8 BOM, the table's
// Chinese headers and labels, CRLF line ends.
enum class ListingFormat { Table, Json, Csv, ExcelCsv };

// Parses --format (and --excel, which asks for CSV for Excel); UserError naming the allowed words otherwise.
ListingFormat parseListingFormat(const std::optional<std::string>& word, bool excel = false);
// Whether cells show Chinese labels (a table, CSV for Excel) rather than code words.
inline bool showsLabels(ListingFormat format) { return format == ListingFormat::Table || format == ListingFormat::ExcelCsv; }
// The --excel option every command with `--format …|csv` takes (added when it registers).
const OptionSpec& excelOption();

struct Cell {
    enum class Kind { Text, Number, Null, Boolean, Raw };
    Kind kind = Kind::Null;
    std::string text;   // Number: already formatted (e.g. "5200.00"); Raw: a JSON value
    std::string label;  // shown in a table instead of text: the Chinese label of a code word

    Cell() = default;
    Cell(Kind k, std::string t, std::string l = {}) : kind(k), text(std::move(t)), label(std::move(l)) {}

    static Cell of(std::string s) { return {Kind::Text, std::move(s)}; }
    // A code word: its label in a table, the code itself in JSON and CSV.
    static Cell term(std::string code, std::string label) { return {Kind::Text, std::move(code), std::move(label)}; }
    static Cell number(int64_t n) { return {Kind::Number, std::to_string(n)}; }
    static Cell money(int64_t fen);  // 520000 -> 5200.00
    static Cell optionalText(const std::optional<std::string>& s) { return s ? of(*s) : Cell{}; }
    static Cell boolean(bool b) { return {Kind::Boolean, b ? "true" : "false"}; }
    static Cell json(std::string rawJson) { return {Kind::Raw, std::move(rawJson)}; }
};

struct Field {
    Field(std::string n, std::string h, bool shownInTable = true) : name(std::move(n)), header(std::move(h)), inTable(shownInTable) {}
    std::string name;    // JSON / CSV header, English, stable
    std::string header;  // table header, Chinese
    bool inTable;        // false: a label column JSON and CSV keep, which a table already shows in its code column
};

// A code word of one of the domain's closed lists (a Vocabulary): its Chinese label in a table,
// the code in JSON and CSV. A word outside the list is shown as it is.
template <typename Words>
std::string labelOf(const Words& words, const std::string& code) {
    const auto value = words.find(code);
    return value ? std::string(words.label(*value)) : code;
}
template <typename Words>
Cell termCell(const Words& words, const std::string& code) {
    return Cell::term(code, labelOf(words, code));
}
template <typename Words>
Cell termCell(const Words& words, const std::optional<std::string>& code) {
    return code ? termCell(words, *code) : Cell{};
}

class Listing {
public:
    explicit Listing(std::vector<Field> fields) : fields_(std::move(fields)) {}
    void add(std::vector<Cell> row) { rows_.push_back(std::move(row)); }
    size_t size() const { return rows_.size(); }
    // A table of figures (with a total row) says nothing about how many rows it has.
    void withoutCount() { counted_ = false; }
    void print(std::ostream& out, ListingFormat format) const;

private:
    void printTable(std::ostream& out) const;
    void printJson(std::ostream& out) const;
    void printCsv(std::ostream& out) const;
    void printExcelCsv(std::ostream& out) const;

    std::vector<Field> fields_;
    std::vector<std::vector<Cell>> rows_;
    bool counted_ = true;
};

// JSON string literal for `s` (quotes included), escaping per RFC 8259.
std::string jsonQuote(const std::string& s);
// Width of UTF-8 text on a terminal: CJK and full-width characters take two columns.
size_t displayWidth(std::string_view s);

}  // namespace patrol::cli
