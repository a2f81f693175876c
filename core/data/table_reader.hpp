// Reads one CSV file against the table a plugin declared (spec/datasets.md, "File
// conventions"): typed columns, rejected rows reported with file:line: reason.
#pragma once

#include "core/data/read_limits.hpp"
#include "core/data/row_reject.hpp"
#include "core/data/table_data.hpp"
#include "core/data/table_schema.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::data {

struct TableReadResult {
    std::unique_ptr<TableData> table;
    std::vector<RowReject> rejects;   // in line order, the first ReadLimits::maxListedRejects of them
    uint64_t rejectCount = 0;         // every rejected row, listed or not
};

// Throws UserError for unusable input: unreadable file, neither UTF-8 nor GB18030, a missing
// required column, a declared column named twice in the header.
TableReadResult readTable(const std::filesystem::path& file, const TableSchema& schema, const ReadLimits& limits = {});

// The same over text already in memory (UTF-8, BOM allowed); `displayName` is used in messages.
TableReadResult readTableText(std::string_view text, const TableSchema& schema, const std::string& displayName,
                              const ReadLimits& limits = {});

}  // namespace patrol::data
