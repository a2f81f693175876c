#include "core/store/unit_repository.hpp"

#include "core/store/clock.hpp"
#include "core/store/database.hpp"

namespace patrol::store {

namespace {

constexpr const char* kUnitSelect =
    "SELECT u.id, u.code, u.name, u.kind, u.parent_id, p.code, u.head, u.contact FROM units u LEFT JOIN units p ON p.id = u.parent_id ";

UnitRecord readUnit(const Statement& st) {
    return {st.integer(0),         st.text(1),         st.text(2),         st.text(3),
            st.optionalInteger(4), st.optionalText(5), st.optionalText(6), st.optionalText(7)};
}

}  // namespace

int64_t insertUnit(Database& db, const NewUnit& unit) {
    db.prepare("INSERT INTO units (code, name, kind, parent_id, head, contact, created_at) VALUES (?,?,?,?,?,?,?)")
        .bindAll(unit.code, unit.name, unit.kind, unit.parentId, unit.head, unit.contact, utcTimestampNow())
        .run();
    return db.lastInsertId();
}

void updateUnit(Database& db, const UnitRecord& unit) {
    db.prepare("UPDATE units SET name = ?, kind = ?, parent_id = ?, head = ?, contact = ? WHERE id = ?")
        .bindAll(unit.name, unit.kind, unit.parentId, unit.head, unit.contact, unit.id)
        .run();
}

bool isWithinSubtree(Database& db, int64_t unitId, int64_t ancestorId) {
    return db.prepare("WITH RECURSIVE below(id) AS (SELECT ? UNION SELECT u.id FROM units u JOIN below b ON u.parent_id = b.id) "
                      "SELECT 1 FROM below WHERE id = ?")
        .bindAll(ancestorId, unitId)
        .step();
}

std::optional<UnitRecord> findUnitByCode(Database& db, const std::string& code) {
    return db.prepare(std::string(kUnitSelect) + "WHERE u.code = ?").bindAll(code).first(readUnit);
}

std::optional<UnitRecord> findUnitById(Database& db, int64_t id) {
    return db.prepare(std::string(kUnitSelect) + "WHERE u.id = ?").bindAll(id).first(readUnit);
}

std::vector<UnitRecord> listUnits(Database& db) {
    return db.prepare(std::string(kUnitSelect) + "ORDER BY u.code").collect(readUnit);
}

std::vector<UnitRecord> listUnitsIn(Database& db, const std::string& idQuery, int64_t parameter) {
    return db.prepare(std::string(kUnitSelect) + "WHERE u.id IN (" + idQuery + ") ORDER BY u.code").bindAll(parameter).collect(readUnit);
}

int64_t countUnits(Database& db) {
    auto st = db.prepare("SELECT count(*) FROM units");
    st.step();
    return st.integer(0);
}

}  // namespace patrol::store
