// The tables and columns a plugin declares it reads (from its metadata), as the reader needs them.
#pragma once

#include <patrol/plugin_abi.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::data {

// A column that must hold a value only on rows where another column has one of some words,
// e.g. four_styles' headcount on `reception` rows. `min` then also applies on those rows.
struct RequiredWhen {
    std::string column;
    std::vector<std::string> in;
    std::optional<int64_t> min;
};

struct ColumnSchema {
    std::string name;
    patrol_column_type type = PATROL_COLUMN_STRING;
    bool required = false;
    bool isId = false;                  // values unique within the file; a repeat is rejected
    std::vector<std::string> words;     // ENUM: the allowed words, index = stored value
    std::optional<int64_t> min;         // INTEGER: smallest allowed value on every row
    std::optional<RequiredWhen> requiredWhen;
};

struct TableSchema {
    std::string name;                   // e.g. "expenses"
    std::string file;                   // e.g. "expenses.csv"
    std::string title;                  // Chinese, e.g. "公务支出"
    std::vector<ColumnSchema> columns;

    const ColumnSchema* column(const std::string& columnName) const {
        for (const auto& c : columns)
            if (c.name == columnName) return &c;
        return nullptr;
    }
};

// The name of a column type as written in metadata ("money") and in messages.
const char* columnTypeName(patrol_column_type type);
std::optional<patrol_column_type> columnTypeFromName(const std::string& name);

}  // namespace patrol::data
