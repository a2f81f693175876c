// Bulk inserts through a statement of many rows: kRows rows at a time through one reused
// statement, the rest one by one, because preparing or stepping a statement per row costs more
// than the row itself when a recording writes hundreds of thousands of them.
#pragma once

#include <cstddef>
#include <string>
#include <utility>

#include "core/store/database.hpp"
#include "core/store/statement.hpp"

namespace patrol::store {

class BatchedInsert {
public:
    static constexpr size_t kRows = 256;

    // `head` is "INSERT INTO t (columns) VALUES ", `oneRow` one row's "(?,?,…)".
    BatchedInsert(Database& db, const std::string& head, const std::string& oneRow);

    // The statement for the next rows when `left` remain, reset, and how many rows it takes:
    // a row's first parameter is at row index × parameters per row + 1.
    std::pair<Statement&, size_t> next(size_t left);

private:
    static std::string batchSql(const std::string& head, const std::string& oneRow);
    Statement batch_;
    Statement single_;
};

}  // namespace patrol::store
