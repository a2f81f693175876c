#include "core/store/audited_rows.hpp"

#include <Poco/JSON/Array.h>
#include <sqlite3.h>

#include <memory>
#include <sstream>

#include "core/domain/errors.hpp"
#include "core/store/database.hpp"
#include "core/digest/sha256.hpp"

namespace patrol::store {

namespace {

// Columns whose value is a secret or derived from one: the audit log keeps only a digest.
bool isSecret(const std::string& table, const std::string& column) {
    return table == "users" && (column == "token_salt" || column == "token_hash" || column == "token_lookup" ||
                                column == "password_hash");
}

}  // namespace

std::string ChildTable::keyOrder() const {
    std::string out;
    for (const auto& c : keyColumns) {
        if (!out.empty()) out += ", ";
        out += c;
    }
    return out;
}

const std::vector<AuditedEntity>& auditedEntities() {
    static const std::vector<AuditedEntity> list = {
        {"unit", "units", "code", {}},
        {"user", "users", "name", {{"user_conflicts", "user_id", {"unit_id"}}}},
        {"round",
         "rounds",
         "code",
         {{"round_plugins", "round_id", {"plugin_id"}},
          {"round_targets", "round_id", {"unit_id"}},
          {"round_team", "round_id", {"user_id"}},
          {"round_stage_dates", "round_id", {"stage"}}}},
        {"finding", "findings", "id", {{"evidence", "finding_id", {"id"}, "task_id IS NULL"}}},
        {"clue", "clues", "id", {{"clue_disposals", "clue_id", {"id"}}, {"clue_outcomes", "clue_id", {"id"}}}},
        {"rectification_task",
         "rectification_tasks",
         "id",
         {{"progress_reports", "task_id", {"id"}},
          {"evidence", "task_id", {"id"}, "task_id IS NOT NULL"},
          {"extension_requests", "task_id", {"id"}},
          {"notices", "task_id", {"id"}}}},
    };
    return list;
}

const AuditedEntity* findAuditedEntity(const std::string& entity) {
    for (const auto& e : auditedEntities())
        if (e.entity == entity) return &e;
    return nullptr;
}

const StoredValue* StoredRow::find(const std::string& column) const {
    for (const auto& [name, value] : columns)
        if (name == column) return &value;
    return nullptr;
}

void forEachStoredRow(Database& db, const std::string& table, const std::string& where,
                      const std::optional<std::string>& parameter, const std::string& orderBy,
                      const std::function<void(const StoredRow&)>& visit) {
    const std::string sql = "SELECT * FROM " + table + (where.empty() ? "" : " WHERE " + where) +
                            (orderBy.empty() ? "" : " ORDER BY " + orderBy);
    // The connection's cached statement: every audited write reads its entity's rows this way,
    // and preparing the same five texts again was a sixth of a progress report's work.
    auto st = db.prepare(sql);
    sqlite3_stmt* raw = st.handle();
    if (parameter) st.bind(1, *parameter);
    std::vector<bool> secret;
    StoredRow row;  // reused: its names are set once, its texts keep their capacity
    bool first = true;
    while (st.step()) {
        if (first) {  // after the first step: a kept statement is prepared again there if the schema moved
            first = false;
            const int count = sqlite3_column_count(raw);
            for (int i = 0; i < count; ++i) {
                row.columns.emplace_back(sqlite3_column_name(raw, i), StoredValue{});
                secret.push_back(isSecret(table, row.columns.back().first));
            }
        }
        for (int i = 0; i < static_cast<int>(row.columns.size()); ++i) {
            StoredValue& v = row.columns[static_cast<size_t>(i)].second;
            v.text.clear();
            switch (sqlite3_column_type(raw, i)) {
                case SQLITE_NULL: v.type = StoredValue::Type::Null; break;
                case SQLITE_INTEGER:
                    v.type = StoredValue::Type::Integer;
                    v.integer = sqlite3_column_int64(raw, i);
                    break;
                case SQLITE_FLOAT:
                    v.type = StoredValue::Type::Real;
                    v.real = sqlite3_column_double(raw, i);
                    break;
                default: {  // text, and blobs read as their bytes
                    v.type = StoredValue::Type::Text;
                    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(raw, i));
                    v.text.assign(bytes ? bytes : "", static_cast<size_t>(sqlite3_column_bytes(raw, i)));
                }
            }
            if (secret[static_cast<size_t>(i)] && v.type != StoredValue::Type::Null) {
                v.text = "sha256:" + digest::sha256Hex(v.type == StoredValue::Type::Text ? v.text : std::to_string(v.integer));
                v.type = StoredValue::Type::Text;
            }
        }
        visit(row);
    }
}

std::vector<StoredRow> readStoredRows(Database& db, const std::string& table, const std::string& where,
                                      const std::optional<std::string>& parameter, const std::string& orderBy) {
    std::vector<StoredRow> rows;
    forEachStoredRow(db, table, where, parameter, orderBy, [&rows](const StoredRow& row) { rows.push_back(row); });
    return rows;
}

Poco::Dynamic::Var storedValueJson(const StoredValue& v) {
    switch (v.type) {
        case StoredValue::Type::Null: return {};
        case StoredValue::Type::Integer: return Poco::Int64(v.integer);
        case StoredValue::Type::Real: return v.real;
        case StoredValue::Type::Text: return v.text;
    }
    return {};
}

Poco::JSON::Object::Ptr storedRowJson(const StoredRow& row) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [name, value] : row.columns) o->set(name, storedValueJson(value));
    return o;
}

Poco::JSON::Object::Ptr rowStateOf(const AuditedEntity& entity, const StoredRow& main,
                                   const std::vector<std::vector<StoredRow>>& children) {
    Poco::JSON::Object::Ptr state = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    state->set(entity.table, storedRowJson(main));
    for (size_t c = 0; c < entity.children.size(); ++c) {
        Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
        if (c < children.size())
            for (const auto& row : children[c]) rows->add(storedRowJson(row));
        state->set(entity.children[c].table, rows);
    }
    return state;
}

Poco::JSON::Object::Ptr auditedRowState(Database& db, const AuditedEntity& entity, const std::string& entityId) {
    const auto main = readStoredRows(db, entity.table, entity.idColumn + " = ?", entityId, "");
    if (main.empty()) return nullptr;
    const StoredValue* id = main.front().find("id");
    std::vector<std::vector<StoredRow>> children;
    for (const auto& child : entity.children) {
        std::string where = child.ownerColumn + " = ?";
        if (!child.condition.empty()) where += " AND " + child.condition;
        children.push_back(readStoredRows(db, child.table, where, std::to_string(id->integer), child.keyOrder()));
    }
    return rowStateOf(entity, main.front(), children);
}

std::string rowStateDigest(const Poco::JSON::Object::Ptr& state) {
    std::ostringstream text;
    state->stringify(text);
    return digest::sha256Hex(text.str());
}

}  // namespace patrol::store
