// The optional filters of a listing query ("AND f.unit_id = ?"), each kept with the value it
// binds, so the SQL and its parameters cannot fall out of step.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/store/statement.hpp"

namespace patrol::store {

class Database;

// The ids as a JSON array ("[3,5,8]"), bound to one parameter of "… IN (SELECT value FROM
// json_each(?))": a statement for a thousand rows without a thousand parameters.
std::string idArrayJson(const std::vector<int64_t>& ids);

class Conditions {
public:
    // Adds the condition (with one '?') when the value is present.
    Conditions& when(const std::optional<int64_t>& value, std::string_view condition) { return add(value, condition); }
    Conditions& when(const std::optional<std::string>& value, std::string_view condition) { return add(value, condition); }
    // Adds a condition that binds nothing when `on`.
    Conditions& when(bool on, std::string_view condition);
    // "column IN (?,…)" over the values, when there are any.
    Conditions& in(std::string_view column, const std::vector<std::string>& values);

    // `select` WHERE the conditions, then `tail` (ORDER BY …), prepared with the values bound.
    // Parameters in `tail` are numbered after them: bind them from boundCount() + 1.
    Statement prepare(Database& db, std::string_view select, std::string_view tail) const;
    int boundCount() const { return static_cast<int>(values_.size()); }

private:
    template <typename T>
    Conditions& add(const std::optional<T>& value, std::string_view condition) {
        if (value) {
            sql_.append(" AND ").append(condition);
            values_.emplace_back(*value);
        }
        return *this;
    }

    std::string sql_;
    std::vector<std::variant<int64_t, std::string>> values_;
};

}  // namespace patrol::store
