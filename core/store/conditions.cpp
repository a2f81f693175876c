#include "core/store/conditions.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

std::string idArrayJson(const std::vector<int64_t>& ids) {
    std::string json = "[";
    for (const int64_t id : ids) json.append(json.size() > 1 ? "," : "").append(std::to_string(id));
    json += "]";
    return json;
}

Conditions& Conditions::when(bool on, std::string_view condition) {
    if (on) sql_.append(" AND ").append(condition);
    return *this;
}

Conditions& Conditions::in(std::string_view column, const std::vector<std::string>& values) {
    if (values.empty()) return *this;
    sql_.append(" AND ").append(column).append(" IN (?");
    for (size_t i = 1; i < values.size(); ++i) sql_ += ",?";
    sql_ += ")";
    values_.insert(values_.end(), values.begin(), values.end());
    return *this;
}

Statement Conditions::prepare(Database& db, std::string_view select, std::string_view tail) const {
    auto st = db.prepare(std::string(select) + " WHERE 1=1" + sql_ + " " + std::string(tail));
    int index = 0;
    for (const auto& value : values_) std::visit([&](const auto& v) { st.bind(++index, v); }, value);
    return st;
}

}  // namespace patrol::store
