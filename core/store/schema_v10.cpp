// Schema v10: escalations recorded in bulk. A mass escalation writes one chained audit event per
// run; each rise keeps a compact record here, keyed by the notice it sent: the run's event, the
// task, the level it rose from, the task's status and due date then (what its history shows), and
// the SHA-256 of the task's row state after the rise, which `audit verify` recomputes. The run's
// event carries the digest over its records, so the set cannot change unseen.
#include "core/store/schema_sql.hpp"

namespace patrol::store {

const std::string_view kSchemaV10 = R"SQL(
CREATE TABLE escalation_records (
  notice_id   INTEGER PRIMARY KEY REFERENCES notices(id),
  event_id    INTEGER NOT NULL REFERENCES audit_events(id),
  task_id     INTEGER NOT NULL REFERENCES rectification_tasks(id),
  from_level  TEXT NOT NULL,
  status      TEXT NOT NULL,
  due_date    TEXT NOT NULL,
  rows_digest TEXT NOT NULL
);
CREATE INDEX escalation_records_by_task ON escalation_records(task_id);
-- Part of the audit trail, like finding_records (schema v8): append-only, and it moves no
-- records_version, since the tasks and notices it is written beside do.
CREATE TRIGGER escalation_records_no_update BEFORE UPDATE ON escalation_records
BEGIN SELECT RAISE(ABORT, 'escalation records are append-only'); END;
CREATE TRIGGER escalation_records_no_delete BEFORE DELETE ON escalation_records
BEGIN SELECT RAISE(ABORT, 'escalation records are append-only'); END;
)SQL";

}  // namespace patrol::store
