// A small CSV file read whole into rows of text (e.g. `unit import`), decoded and scanned by
// the dataset reader of core/data: RFC 4180 quoting, LF or CRLF, UTF-8 with or without BOM,
// or GB18030 as Excel on Chinese Windows saves it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace patrol::services {

struct CsvRow {
    size_t line = 0;  // 1-based line where the row starts
    std::vector<std::string> fields;
    bool textAfterQuote = false;  // a quoted field went on after its closing quote
};

// Every row including the header; blank lines are skipped. UserError for a file that cannot
// be read, is neither UTF-8 nor GB18030, or has an unterminated quote.
// `shownAs` is how messages name the file (an upload's own name rather than where it was spooled);
// empty means the path itself.
std::vector<CsvRow> readCsvFile(const std::string& path, const std::string& shownAs = "");

}  // namespace patrol::services
