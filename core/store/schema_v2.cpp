// Schema v2: stored notices of escalation (三色预警) and look-up indexes.
#include "core/store/schema_sql.hpp"

namespace patrol::store {

const std::string_view kSchemaV2 = R"SQL(
CREATE TABLE notices (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER REFERENCES rectification_tasks(id),
  level      TEXT NOT NULL CHECK (level IN ('green','yellow','red','accountability')),
  recipients TEXT NOT NULL,
  message    TEXT NOT NULL,
  as_of      TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX notices_by_task ON notices(task_id);
CREATE INDEX audit_events_by_entity ON audit_events(entity, entity_id);
CREATE INDEX findings_by_round_status ON findings(round_id, status);
)SQL";

}  // namespace patrol::store
