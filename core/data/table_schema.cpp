#include "core/data/table_schema.hpp"

namespace patrol::data {

namespace {
struct TypeName {
    patrol_column_type type;
    const char* name;
};
constexpr TypeName kTypeNames[] = {
    {PATROL_COLUMN_STRING, "string"}, {PATROL_COLUMN_DATE, "date"},       {PATROL_COLUMN_TIME, "time"},
    {PATROL_COLUMN_MONEY, "money"},   {PATROL_COLUMN_INTEGER, "integer"}, {PATROL_COLUMN_ENUM, "enum"},
};
}  // namespace

const char* columnTypeName(patrol_column_type type) {
    for (const auto& t : kTypeNames)
        if (t.type == type) return t.name;
    return "?";
}

std::optional<patrol_column_type> columnTypeFromName(const std::string& name) {
    for (const auto& t : kTypeNames)
        if (name == t.name) return t.type;
    return std::nullopt;
}

}  // namespace patrol::data
