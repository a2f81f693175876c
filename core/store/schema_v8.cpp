// Schema v8: findings recorded in bulk by a check. Instead of one audit event per finding, a
// recording writes one event for the whole run (entity "check_run") whose content carries the
// run and a digest over this table's rows of that event, in finding id order; each row holds the
// SHA-256 of the finding's canonical content as recorded (finding_record.hpp). `audit verify`
// recomputes both, so a finding changed, added or removed behind the event is named.
#include "core/store/schema_sql.hpp"

namespace patrol::store {

const std::string_view kSchemaV8 = R"SQL(
CREATE TABLE finding_records (
  finding_id INTEGER PRIMARY KEY REFERENCES findings(id),
  event_id   INTEGER NOT NULL REFERENCES audit_events(id),
  row_digest TEXT NOT NULL
);
-- Part of the audit trail: as append-only as the events themselves. Like audit_events it moves
-- no records_version (schema v7): it is written only beside the findings it covers, which do.
CREATE TRIGGER finding_records_no_update BEFORE UPDATE ON finding_records
BEGIN SELECT RAISE(ABORT, 'finding records are append-only'); END;
CREATE TRIGGER finding_records_no_delete BEFORE DELETE ON finding_records
BEGIN SELECT RAISE(ABORT, 'finding records are append-only'); END;
)SQL";

}  // namespace patrol::store
