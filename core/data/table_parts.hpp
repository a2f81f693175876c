// The pieces the reader is built from, shared by readTable (one file, one pass) and
// readDataset (several files, each cut into chunks parsed on separate threads and joined).
// Internal to core/data.
#pragma once

#include "core/data/file_text.hpp"
#include "core/data/record_scanner.hpp"
#include "core/data/table_reader.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::data::detail {

// Which header field feeds which declared column.
struct HeaderLayout {
    size_t fields = 0;
    std::vector<int> fieldToColumn;  // header field -> declared column index, -1: ignored
};

// Reads the header record. nullopt when it is not UTF-8; UserError for a missing required
// column or a declared column named twice.
std::optional<HeaderLayout> readHeader(RecordScanner& scanner, const TableSchema& schema, const std::string& name);

// The rows of one stretch of a file.
struct TablePart {
    std::unique_ptr<TableData> table;
    std::vector<RowReject> rejects;  // lines counted from 1 at the stretch's start
    const char* end = nullptr;       // where the last record read ended
    uint32_t newlines = 0;           // line ends consumed
    bool notUtf8 = false;            // the file must be read as GB18030 instead
};

// Parses records from the start of `text` until one ends at or past `stopAt` bytes (the last
// record may run past it); `text` runs to the end of the file. `source`: pages consumed are
// given back to the system.
TablePart parsePart(std::string_view text, size_t stopAt, const TableSchema& schema, const HeaderLayout& layout, const std::string& name,
                    FileText* source, bool checkUtf8);

// Appends a later part, shifting its lines by `lineShift`.
void appendPart(TableReadResult& whole, TablePart&& part, uint32_t lineShift);

// A whole result from its first part.
TableReadResult startResult(TablePart&& part, uint32_t lineShift);

// Rejects the rows that repeat an earlier id and builds the ABI view.
void finishTable(TableReadResult& result, const TableSchema& schema);

}  // namespace patrol::data::detail
