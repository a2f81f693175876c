// Small table schemas and accessors shared by the reader tests.
#pragma once

#include "core/data/table_reader.hpp"
#include "core/data/table_schema.hpp"

#include <string>
#include <vector>

namespace patrol::testing {

inline data::ColumnSchema column(std::string name, patrol_column_type type, bool required = false) {
    data::ColumnSchema c;
    c.name = std::move(name);
    c.type = type;
    c.required = required;
    return c;
}

// expenses: the four_styles table with every column type and both constraints.
inline data::TableSchema expensesSchema() {
    data::TableSchema t;
    t.name = "expenses";
    t.file = "expenses.csv";
    t.title = "公务支出";
    t.columns.push_back(column("expense_id", PATROL_COLUMN_STRING, true));
    t.columns.back().isId = true;
    t.columns.push_back(column("unit_code", PATROL_COLUMN_STRING, true));
    t.columns.push_back(column("date", PATROL_COLUMN_DATE, true));
    t.columns.push_back(column("category", PATROL_COLUMN_ENUM, true));
    t.columns.back().words = {"reception", "meal", "gift"};
    t.columns.push_back(column("amount", PATROL_COLUMN_MONEY, true));
    t.columns.push_back(column("headcount", PATROL_COLUMN_INTEGER));
    t.columns.back().min = 0;
    t.columns.back().requiredWhen = data::RequiredWhen{"category", {"reception"}, 1};
    t.columns.push_back(column("depart_time", PATROL_COLUMN_TIME));
    t.columns.push_back(column("description", PATROL_COLUMN_STRING));
    return t;
}

// Limits that list every reject, for tests about which rows are rejected.
inline data::ReadLimits listEveryReject() {
    data::ReadLimits l;
    l.maxListedRejects = static_cast<size_t>(-1);
    return l;
}

inline std::vector<std::string> rejectLines(const data::TableReadResult& r) {
    std::vector<std::string> out;
    for (const auto& j : r.rejects) out.push_back(j.format());
    return out;
}

inline std::vector<std::string> texts(const data::TableData& t, const std::string& column) {
    std::vector<std::string> out;
    const size_t c = t.columnIndex(column);
    for (uint64_t r = 0; r < t.rowCount(); ++r) out.emplace_back(t.text(c, r));
    return out;
}

// Everything a table holds, as text, to compare two reads of the same file.
inline std::vector<std::string> dump(const data::TableData& t) {
    std::vector<std::string> out;
    for (uint64_t r = 0; r < t.rowCount(); ++r) {
        std::string row = std::to_string(t.sourceLine(r));
        for (size_t c = 0; c < t.schema().columns.size(); ++c) {
            const auto type = t.schema().columns[c].type;
            row += "|";
            if (type == PATROL_COLUMN_STRING)
                row += std::string(t.text(c, r));
            else if (type == PATROL_COLUMN_MONEY || type == PATROL_COLUMN_INTEGER)
                row += std::to_string(t.i64(c, r));
            else
                row += std::to_string(t.i32(c, r));
        }
        out.push_back(row);
    }
    return out;
}

}  // namespace patrol::testing
