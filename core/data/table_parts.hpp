// The pieces the reader is built from, shared by readTable (one file, one pass) and
// readDataset (several files, each cut into chunks parsed on separate threads and joined).
// Internal to core/data.
#pragma once

#include "core/data/file_text.hpp"
#include "core/data/pod_buffer.hpp"
#include "core/data/record_scanner.hpp"
#include "core/data/repeated_ids.hpp"
#include "core/data/table_reader.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::data::detail {

// Which header field feeds which declared column.
struct HeaderLayout {
    size_t fields = 0;
    std::vector<int> fieldToColumn;  // header field -> declared column index, -1: ignored
    // The usual length of a record (its line feeds inside quoted fields counted as its own),
    // from the file's first 256 KB after the header: what each stretch's columns are sized by.
    uint64_t bytesPerLine = 0;
    // The rows of the whole file, guessed from it: what the id census of every stretch is sized
    // for (they must all be the same size to be merged).
    uint64_t rowsGuess = 0;
};

// Reads the header record and guesses the rows of the text after it. nullopt when it is not
// UTF-8; UserError for a missing required column or a declared column named twice.
std::optional<HeaderLayout> readHeader(RecordScanner& scanner, const TableSchema& schema, const std::string& name, const ReadLimits& limits);

// The id column each stretch hashes and counts on its own thread, or -1: a table with no id
// column, or with several (those are checked one after another once it is read).
int streamedIdColumn(const TableSchema& schema);

// The rows of one stretch of a file.
struct TablePart {
    std::unique_ptr<TableData> table;
    std::vector<RowReject> rejects;  // lines counted from 1 at the stretch's start; the first few only
    uint64_t rejectCount = 0;        // all of them
    const char* end = nullptr;       // where the last record read ended
    uint32_t newlines = 0;           // line ends consumed
    bool notUtf8 = false;            // the file must be read as GB18030 instead
    IdHashes ids;                    // of streamedIdColumn, rows numbered in the stretch
};

// Asked between slices of a stretch (ReadLimits::shareSlice bytes) with the offsets into the
// stretch's text of where parsing is and where the stretch stops: where it stops from here on,
// lower once the rest was handed to another thread (StretchBoard::share).
using ShareRest = std::function<size_t(size_t at, size_t stop)>;

// Parses records from the start of `text` until one ends at or past `stopAt` bytes (the last
// record may run past it); `text` runs to the end of the file. `source`: pages consumed are
// given back to the system. `share`, if given, may lower `stopAt` while parsing.
TablePart parsePart(std::string_view text, size_t stopAt, const TableSchema& schema, const HeaderLayout& layout, const std::string& name,
                    FileText* source, bool checkUtf8, const ReadLimits& limits, const ShareRest& share = {});

// The whole table from the parts of a file in order, each with the shift from its own line
// numbers to the file's: rows whose id an earlier row holds are rejected, the parts joined
// and the table finished.
TableReadResult joinParts(std::vector<TablePart> parts, const std::vector<uint32_t>& lineShifts, const TableSchema& schema,
                          const ReadLimits& limits);

// Rejects the rows that repeat an earlier id (tables with several id columns) and builds the ABI view.
void finishTable(TableReadResult& result, const TableSchema& schema, const ReadLimits& limits);

}  // namespace patrol::data::detail
