// One table read from a CSV file: typed columns in the ABI's layout, owned here, with the
// patrol_table view a plugin reads. Rejected rows are not in it.
#pragma once

#include "core/data/pod_buffer.hpp"
#include "core/data/table_schema.hpp"
#include "core/data/text_index.hpp"

#include <patrol/plugin_abi.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::data {

struct TableReadResult;
struct ReadLimits;
namespace detail {
struct TablePart;
TableReadResult joinParts(std::vector<TablePart> parts, const std::vector<uint32_t>& lineShifts, const TableSchema& schema,
                          const ReadLimits& limits);
void finishTable(TableReadResult& result, const TableSchema& schema, const ReadLimits& limits);
}  // namespace detail

struct ColumnData {
    const ColumnSchema* schema = nullptr;
    bool presentInFile = false;     // false: the header lacks it, every value is absent
    // STRING: rows + 1 entries. 32 bits: a file's text is at most ReadLimits::maxFileBytes.
    PodBuffer<uint32_t> offsets;
    PodBuffer<char> bytes;          // STRING
    PodBuffer<int32_t> i32;         // DATE, TIME, ENUM
    PodBuffer<int64_t> i64;         // MONEY, INTEGER
    // A coded STRING column (ABI 1.3): offsets and bytes hold its distinct texts, each once,
    // and codes each row's entry among them. Only texts that repeat are coded: a column whose
    // texts turn out mostly distinct is spelled out row by row again (uncode).
    bool coded = false;
    PodBuffer<uint32_t> codes;
    std::unique_ptr<TextIndex> index;  // while the table is read: the entries by text

    // Entry k of a STRING column: row k's text, or the k-th distinct text of a coded column.
    std::string_view entry(uint64_t k) const { return {bytes.data() + offsets[k], static_cast<size_t>(offsets[k + 1] - offsets[k])}; }
    std::string_view text(uint64_t row) const { return entry(coded ? codes[row] : row); }
    // Spells a coded column out row by row, with room for `rows` rows in all and for their text
    // at the length its rows so far have, with a quarter to spare, up to `maxBytes`.
    void uncode(size_t rows, size_t maxBytes);
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
    std::string_view text(size_t column, uint64_t row) const { return columns_[column].text(row); }
    int32_t i32(size_t column, uint64_t row) const { return columns_[column].i32[row]; }
    int64_t i64(size_t column, uint64_t row) const { return columns_[column].i64[row]; }
    size_t columnIndex(std::string_view name) const;  // throws std::out_of_range
    bool columnInFile(size_t column) const { return columns_[column].presentInFile; }

    // Takes every column but the string id columns out of the table, whose text() stays
    // readable; the plugin's view then shows the others as NULL. For when only ids are looked up
    // any more. The columns taken are returned, for the caller to free where it likes.
    std::vector<ColumnData> releaseAllButIds();

private:
    friend class TableBuilder;
    friend TableReadResult detail::joinParts(std::vector<detail::TablePart>, const std::vector<uint32_t>&, const TableSchema&, const ReadLimits&);
    friend void detail::finishTable(TableReadResult&, const TableSchema&, const ReadLimits&);
    void seal();  // builds the ABI view once the columns stop growing
    void codeTexts();  // every string column but the ids starts coded
    void dropRows(const std::vector<uint32_t>& sortedRows);  // rows rejected after reading
    void shiftLines(uint32_t by);                             // a part's lines counted from its start
    // Room for the later parts of the same file, taken before the first is joined: once pages
    // have been moved in, growing a column means copying it.
    void reserveToAppend(const std::vector<const TableData*>& parts);
    // Joins (and empties) a later part of the same file, leaving out its rows in `skipRows`
    // (ascending).
    void append(TableData& part, uint32_t lineShift, const std::vector<uint32_t>& skipRows);

    TableSchema schema_;  // a copy: the table never depends on the caller's schema living on
    std::string path_;
    std::vector<ColumnData> columns_;
    PodBuffer<uint32_t> lines_;
    std::vector<patrol_column> abiColumns_;
    patrol_table abiTable_{};
};

}  // namespace patrol::data
