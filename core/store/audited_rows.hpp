// The rows an audit event stands for. Each audited entity owns one row of its main table and the
// rows of its child tables that point at it; its "row state" is those rows, column by column, as
// JSON. Every audit event of the entity records that state under the key "rows" of `after`, and
// `audit verify` reads the same state from the tables to compare: one definition serves both.
#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

// The key of an event's `after` that holds the row state.
inline constexpr const char* kRowStateKey = "rows";
// An event may instead carry the SHA-256 of that state's JSON text (rowStateDigest) under this
// key: a mass change (escalation) then writes a compact event that fixes the same rows.
inline constexpr const char* kRowDigestKey = "rows_sha256";

struct ChildTable {
    std::string table;                    // e.g. "round_targets"
    std::string ownerColumn;              // refers to the main table's id, e.g. "round_id"
    std::vector<std::string> keyColumns;  // identify a row among its owner's, e.g. {"unit_id"}
    // SQL that picks this owner's rows when two entities share a table (evidence proves a task,
    // or, without one, a finding); empty: every row with the owner column.
    std::string condition = {};  // most entries of auditedEntities() leave it out

    // The order of an owner's rows in its row state, "k1, k2": every reader of that state must
    // read them in it, or the same rows give another digest.
    std::string keyOrder() const;
};

struct AuditedEntity {
    std::string entity;    // the audit events' entity, e.g. "round"
    std::string table;     // its main table, e.g. "rounds"
    std::string idColumn;  // the main table's column the events' entity_id names, e.g. "code"
    std::vector<ChildTable> children;
};

// Every audited entity, in the order `audit verify` checks them. A new table is audited by
// adding it here (as an entity, or as a child of the entity its rows belong to).
const std::vector<AuditedEntity>& auditedEntities();
const AuditedEntity* findAuditedEntity(const std::string& entity);

// One column's value as stored.
struct StoredValue {
    enum class Type { Null, Integer, Real, Text } type = Type::Null;
    int64_t integer = 0;
    double real = 0;
    std::string text;
};

struct StoredRow {
    std::vector<std::pair<std::string, StoredValue>> columns;  // in table order
    const StoredValue* find(const std::string& column) const;
};

// Rows of `table` matching `where` (SQL after WHERE, one text parameter; empty: every row),
// ordered by `orderBy`. Secret columns (token salt and hash) are read as their SHA-256.
std::vector<StoredRow> readStoredRows(Database& db, const std::string& table, const std::string& where,
                                      const std::optional<std::string>& parameter, const std::string& orderBy);

// The same rows one at a time, in one StoredRow reused from row to row and valid only during the
// call: a reader that keeps only what it makes of each row allocates next to nothing per row.
void forEachStoredRow(Database& db, const std::string& table, const std::string& where,
                      const std::optional<std::string>& parameter, const std::string& orderBy,
                      const std::function<void(const StoredRow&)>& visit);

Poco::Dynamic::Var storedValueJson(const StoredValue& value);
Poco::JSON::Object::Ptr storedRowJson(const StoredRow& row);

// The entity's current row state, or null when its main row does not exist.
Poco::JSON::Object::Ptr auditedRowState(Database& db, const AuditedEntity& entity, const std::string& entityId);

// The row state of a main row and its child rows (one list per entity.children, each in key order).
Poco::JSON::Object::Ptr rowStateOf(const AuditedEntity& entity, const StoredRow& main,
                                   const std::vector<std::vector<StoredRow>>& children);

// SHA-256 (hex) of the state's JSON text, as an event's kRowDigestKey holds it.
std::string rowStateDigest(const Poco::JSON::Object::Ptr& state);

}  // namespace patrol::store
