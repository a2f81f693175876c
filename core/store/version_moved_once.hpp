// A bulk write that moves the records' version (schema_v7.cpp) once instead of once per row.
// The version's triggers run per row: a recording of 326,111 findings ran them 326,111 times,
// each an UPDATE of records_version and a statement journal for the insert that fired it. While
// this guard lives, triggers are paused on this connection alone and the version moves once, in
// the same transaction as the rows, so every cache of read answers still starts over exactly
// when the rows commit (or never, when they roll back). The triggers stay in the schema: every
// other connection, and every other process, still moves the version per row.
//
// Pausing pauses every trigger of this connection, also the audit tables' refusals of UPDATE and
// DELETE. So a guard covers only writes to tables whose triggers all move the version: inserts
// into findings, updates of rectification_tasks and inserts into notices (tests/store checks
// that those tables have no other trigger).
#pragma once

namespace patrol::store {

class Database;

class VersionMovedOnce {
public:
    // Inside a transaction only (std::logic_error otherwise): outside one, the version would
    // move in a commit of its own, apart from the rows.
    explicit VersionMovedOnce(Database& db);
    // Triggers on again; never throws.
    ~VersionMovedOnce();
    VersionMovedOnce(const VersionMovedOnce&) = delete;
    VersionMovedOnce& operator=(const VersionMovedOnce&) = delete;

private:
    Database& db_;
};

}  // namespace patrol::store
