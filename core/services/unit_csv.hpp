// The small CSV file of `unit import`: RFC 4180 quoting, LF or CRLF, optional UTF-8 BOM.
#pragma once

#include <string>
#include <vector>

namespace patrol::services {

struct CsvRow {
    size_t line = 0;  // 1-based line where the row starts
    std::vector<std::string> fields;
};

// Every row including the header. UserError for an unterminated quote.
std::vector<CsvRow> parseCsv(const std::string& text, const std::string& fileName);

}  // namespace patrol::services
