// The second half of `audit verify`: every row of the audited tables must equal the state its
// entity's latest audit event recorded (see audited_rows.hpp). The hash chain proves the events
// were not changed; this proves the tables were not changed behind them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

struct AuditedRowsReport {
    int64_t rowsChecked = 0;
    std::vector<std::string> problems;  // Chinese, one per differing row, in table and row order
    std::vector<std::string> warnings;  // rows whose latest event predates row states, one line per table
    // Those rows as (entity, entity id): what `audit baseline` records.
    std::vector<std::pair<std::string, std::string>> unrecorded;
};

AuditedRowsReport verifyAuditedRows(Database& db);

}  // namespace patrol::store
