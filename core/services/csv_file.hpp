// A small CSV file (e.g. `unit import`) handed over row by row, decoded and scanned by the
// dataset reader of core/data: RFC 4180 quoting, LF or CRLF, UTF-8 with or without BOM, or
// GB18030 as Excel on Chinese Windows saves it. Rows are not kept: a file of a million rows
// costs one row at a time, and a value or record over the size limits is refused by its line
// before any of its text is copied.
#pragma once

#include "core/data/read_limits.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace patrol::services {

struct CsvRow {
    size_t line = 0;  // 1-based line where the row starts
    std::vector<std::string> fields;
    bool textAfterQuote = false;  // a quoted field went on after its closing quote
};

// Calls onRow for every row including the header, in order; blank lines are skipped. UserError
// for a file that cannot be read, is neither UTF-8 nor GB18030, has an unterminated quote, or
// a value or record past `limits`. `shownAs` is how messages name the file (an upload's own
// name rather than where it was spooled); empty means the path itself.
void forEachCsvRow(const std::string& path, const data::ReadLimits& limits, const std::function<void(CsvRow&)>& onRow,
                   const std::string& shownAs = "");

// Every row at once (tests and tiny files).
std::vector<CsvRow> readCsvFile(const std::string& path, const data::ReadLimits& limits = {});

}  // namespace patrol::services
