#include "core/plugins/undeclared_tables.hpp"

namespace patrol::plugins {

const patrol_table* UndeclaredTables::standIn(const char* name) {
    const std::lock_guard lock(mutex_);
    for (const auto& e : asked_)
        if (e->name == name) return &e->table;
    auto entry = std::make_unique<Entry>();
    entry->name = name;
    entry->table.struct_size = sizeof(patrol_table);
    entry->table.name = entry->name.c_str();
    asked_.push_back(std::move(entry));
    return &asked_.back()->table;
}

std::optional<std::string> UndeclaredTables::error() const {
    const std::lock_guard lock(mutex_);
    if (asked_.empty()) return std::nullopt;
    std::string declared;
    for (const auto& t : metadata_.tables) declared += (declared.empty() ? "" : "、") + t.name;
    return "请求了元数据中没有声明的表 \"" + asked_.front()->name + "\"（已声明的表：" + (declared.empty() ? std::string("无") : declared) +
           "）。请改正代码中的表名，或在元数据的 tables 中声明该表";
}

}  // namespace patrol::plugins
