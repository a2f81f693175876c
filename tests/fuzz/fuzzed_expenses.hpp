// The table the data-file fuzz targets read their input against: every column type, an id, an
// enum, a minimum and a conditional column.
#pragma once

#include "core/data/table_schema.hpp"

namespace patrol::fuzz {

inline data::TableSchema fuzzedExpenses() {
    using data::ColumnSchema;
    data::TableSchema t;
    t.name = "expenses";
    t.file = "expenses.csv";
    t.title = "公务支出";
    ColumnSchema id{"id", PATROL_COLUMN_STRING, true, true, {}, {}, {}};
    ColumnSchema date{"date", PATROL_COLUMN_DATE, true, false, {}, {}, {}};
    ColumnSchema time{"time", PATROL_COLUMN_TIME, false, false, {}, {}, {}};
    ColumnSchema amount{"amount", PATROL_COLUMN_MONEY, true, false, {}, {}, {}};
    ColumnSchema kind{"kind", PATROL_COLUMN_ENUM, false, false, {"reception", "travel", "gift"}, {}, {}};
    ColumnSchema guests{"guests", PATROL_COLUMN_INTEGER, false, false, {}, 0, data::RequiredWhen{"kind", {"reception"}, 1}};
    ColumnSchema note{"note", PATROL_COLUMN_STRING, false, false, {}, {}, {}};
    t.columns = {id, date, time, amount, kind, guests, note};
    return t;
}

}  // namespace patrol::fuzz
