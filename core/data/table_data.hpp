// One table read from a CSV file: typed columns in the ABI's layout, owned here, with the
// patrol_table view a plugin reads. Rejected rows are not in it.
#pragma once

#include "core/data/pod_buffer.hpp"
#include "core/data/table_schema.hpp"

#include <patrol/plugin_abi.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::data {

struct TableReadResult;
namespace detail {
struct TablePart;
void appendPart(TableReadResult& whole, TablePart&& part, uint32_t lineShift);
TableReadResult startResult(TablePart&& part, uint32_t lineShift);
void finishTable(TableReadResult& result, const TableSchema& schema);
}  // namespace detail

struct ColumnData {
    const ColumnSchema* schema = nullptr;
    bool presentInFile = false;     // false: the header lacks it, every value is absent
    PodBuffer<uint64_t> offsets;    // STRING: rows + 1 entries
    PodBuffer<char> bytes;          // STRING
    PodBuffer<int32_t> i32;         // DATE, TIME, ENUM
    PodBuffer<int64_t> i64;         // MONEY, INTEGER
};

class TableData {
public:
    explicit TableData(const TableSchema& schema, std::string path);
    TableData(const TableData&) = delete;
    TableData& operator=(const TableData&) = delete;

    const TableSchema& schema() const { return schema_; }
    const std::string& path() const { return path_; }
    uint64_t rowCount() const { return lines_.size(); }
    uint32_t sourceLine(uint64_t row) const { return lines_[row]; }
    // The view handed to plugins; valid while this table lives.
    const patrol_table* abi() const { return &abiTable_; }

    // Accessors by declared column index, for the host and tests.
    std::string_view text(size_t column, uint64_t row) const;
    int32_t i32(size_t column, uint64_t row) const { return columns_[column].i32[row]; }
    int64_t i64(size_t column, uint64_t row) const { return columns_[column].i64[row]; }
    size_t columnIndex(std::string_view name) const;  // throws std::out_of_range
    bool columnInFile(size_t column) const { return columns_[column].presentInFile; }

private:
    friend class TableBuilder;
    friend void detail::appendPart(TableReadResult&, detail::TablePart&&, uint32_t);
    friend TableReadResult detail::startResult(detail::TablePart&&, uint32_t);
    friend void detail::finishTable(TableReadResult&, const TableSchema&);
    void seal();  // builds the ABI view once the columns stop growing
    void dropRows(const std::vector<uint32_t>& sortedRows);  // rows rejected after reading
    void shiftLines(uint32_t by);                             // a part's lines counted from its start
    void append(TableData& part, uint32_t lineShift);         // joins (and empties) a later part of the same file

    TableSchema schema_;  // a copy: the table never depends on the caller's schema living on
    std::string path_;
    std::vector<ColumnData> columns_;
    PodBuffer<uint32_t> lines_;
    std::vector<patrol_column> abiColumns_;
    patrol_table abiTable_{};
};

}  // namespace patrol::data
