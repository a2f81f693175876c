// Every listing the CLI prints, in one of three formats: an aligned table for people,
// JSON (an array of objects with stable English field names) or CSV for spreadsheets.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace patrol::cli {

enum class ListingFormat { Table, Json, Csv };

// Parses --format; UserError naming the allowed words otherwise.
ListingFormat parseListingFormat(const std::optional<std::string>& word);

struct Cell {
    enum class Kind { Text, Number, Null, Boolean, Raw };
    Kind kind = Kind::Null;
    std::string text;  // Number: already formatted (e.g. "5200.00"); Raw: a JSON value

    static Cell of(std::string s) { return {Kind::Text, std::move(s)}; }
    static Cell number(int64_t n) { return {Kind::Number, std::to_string(n)}; }
    static Cell money(int64_t fen);  // 520000 -> 5200.00
    static Cell optionalText(const std::optional<std::string>& s) { return s ? of(*s) : Cell{}; }
    static Cell boolean(bool b) { return {Kind::Boolean, b ? "true" : "false"}; }
    static Cell json(std::string rawJson) { return {Kind::Raw, std::move(rawJson)}; }
};

struct Field {
    std::string name;    // JSON / CSV header, English, stable
    std::string header;  // table header, Chinese
};

class Listing {
public:
    explicit Listing(std::vector<Field> fields) : fields_(std::move(fields)) {}
    void add(std::vector<Cell> row) { rows_.push_back(std::move(row)); }
    size_t size() const { return rows_.size(); }
    void print(std::ostream& out, ListingFormat format) const;

private:
    void printTable(std::ostream& out) const;
    void printJson(std::ostream& out) const;
    void printCsv(std::ostream& out) const;

    std::vector<Field> fields_;
    std::vector<std::vector<Cell>> rows_;
};

// JSON string literal for `s` (quotes included), escaping per RFC 8259.
std::string jsonQuote(const std::string& s);
// Width of UTF-8 text on a terminal: CJK and full-width characters take two columns.
size_t displayWidth(const std::string& s);

}  // namespace patrol::cli
