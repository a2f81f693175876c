#include "core/services/unit_csv.hpp"

#include "core/domain/errors.hpp"

namespace patrol::services {

std::vector<CsvRow> parseCsv(const std::string& input, const std::string& fileName) {
    const std::string text = input.rfind("\xEF\xBB\xBF", 0) == 0 ? input.substr(3) : input;
    std::vector<CsvRow> rows;
    CsvRow row{1, {}};
    std::string field;
    size_t line = 1;
    bool quoted = false;
    bool rowHasContent = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            rowHasContent = true;
        } else if (c == ',') {
            row.fields.push_back(std::move(field));
            field.clear();
            rowHasContent = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (rowHasContent || !field.empty()) {
                row.fields.push_back(std::move(field));
                rows.push_back(std::move(row));
            }
            field.clear();
            ++line;
            row = CsvRow{line, {}};
            rowHasContent = false;
        } else {
            field += c;
        }
    }
    if (quoted) throw UserError(fileName + " 第 " + std::to_string(row.line) + " 行：引号没有闭合。请检查该行的双引号。");
    if (rowHasContent || !field.empty()) {
        row.fields.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace patrol::services
