#include "core/store/version_moved_once.hpp"

#include <sqlite3.h>

#include <stdexcept>

#include "core/store/database.hpp"

namespace patrol::store {

namespace {

void setTriggers(Database& db, bool on) {
    // Changing the setting expires the connection's prepared statements; SQLite prepares them
    // again on their next step, with or without the trigger programs.
    sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, on ? 1 : 0, nullptr);
}

}  // namespace

VersionMovedOnce::VersionMovedOnce(Database& db) : db_(db) {
    if (sqlite3_get_autocommit(db.handle()) != 0)
        throw std::logic_error("VersionMovedOnce outside a transaction");
    db_.exec("UPDATE records_version SET version = version + 1");
    setTriggers(db_, false);
}

VersionMovedOnce::~VersionMovedOnce() { setTriggers(db_, true); }

}  // namespace patrol::store
