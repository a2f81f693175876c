// One connection's settings for one bulk write (a check's findings recorded, a mass escalation),
// given back when it ends, also when it fails: a setting left behind costs memory, never
// correctness, so restoring one never throws.
#pragma once

#include <cstdint>

namespace patrol::store {

class Database;

class BulkWrite {
public:
    // Made before the write's transaction begins: SQLite decides where a transaction keeps its
    // statement journals when the transaction begins. They are kept in memory: a statement that
    // inserts many rows into a table with triggers and a CHECK that calls a function (findings:
    // records_version, source LIKE) journals every page it touches, and past 64 KiB SQLite wrote
    // those journals to a temporary file: 3.85 GB written for a heavy recording of 326,111
    // findings.
    explicit BulkWrite(Database& db);
    ~BulkWrite();

    // Grows the page cache to at least `bytes` (SQLite's default is 2 MB), once it is known that
    // there is much to write: a write that lands all over an index (a recording's fingerprints,
    // an escalation's tasks) otherwise spills dirty pages to the write-ahead log and reads them
    // back. Not before: a larger cache also holds every page a read goes through, each a fresh
    // page of memory (a re-run that records nothing took 0.1 s longer with it).
    void growCache(int64_t bytes);
    BulkWrite(const BulkWrite&) = delete;
    BulkWrite& operator=(const BulkWrite&) = delete;

private:
    Database& db_;
    int64_t previousCache_ = 0;
    int64_t previousTempStore_ = 0;
    bool grown_ = false;
};

}  // namespace patrol::store
