// Schema v7: a version of the records alone. Every commit moves PRAGMA data_version, and the
// caches of read answers (core/services/write_generation.hpp) used to start over on each one; but
// a browser's session refresh, a sign-in (its session, failure count, audit event and the audit
// head in meta) changes no record an answer is made of, yet costs the dashboard a recount. These
// triggers count changes to the records instead, in the same transaction as the change, so a
// write by any connection or process moves the version exactly when a record moved. Left out on
// purpose: meta, audit_events, sessions and signin_failures -- a cached answer must never be made
// of them. A table added later needs the same three triggers (tests/store/schema_test.cpp checks).
#include "core/store/schema_sql.hpp"

namespace patrol::store {

const std::string_view kSchemaV7 = R"SQL(
CREATE TABLE records_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO records_version (id, version) VALUES (1, 0);
CREATE TRIGGER units_insert_moves_version AFTER INSERT ON units BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER units_update_moves_version AFTER UPDATE ON units BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER units_delete_moves_version AFTER DELETE ON units BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER users_insert_moves_version AFTER INSERT ON users BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER users_update_moves_version AFTER UPDATE ON users BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER users_delete_moves_version AFTER DELETE ON users BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER user_conflicts_insert_moves_version AFTER INSERT ON user_conflicts BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER user_conflicts_update_moves_version AFTER UPDATE ON user_conflicts BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER user_conflicts_delete_moves_version AFTER DELETE ON user_conflicts BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER rounds_insert_moves_version AFTER INSERT ON rounds BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER rounds_update_moves_version AFTER UPDATE ON rounds BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER rounds_delete_moves_version AFTER DELETE ON rounds BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_stage_dates_insert_moves_version AFTER INSERT ON round_stage_dates BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_stage_dates_update_moves_version AFTER UPDATE ON round_stage_dates BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_stage_dates_delete_moves_version AFTER DELETE ON round_stage_dates BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_plugins_insert_moves_version AFTER INSERT ON round_plugins BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_plugins_update_moves_version AFTER UPDATE ON round_plugins BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_plugins_delete_moves_version AFTER DELETE ON round_plugins BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_targets_insert_moves_version AFTER INSERT ON round_targets BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_targets_update_moves_version AFTER UPDATE ON round_targets BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_targets_delete_moves_version AFTER DELETE ON round_targets BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_team_insert_moves_version AFTER INSERT ON round_team BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_team_update_moves_version AFTER UPDATE ON round_team BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER round_team_delete_moves_version AFTER DELETE ON round_team BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER findings_insert_moves_version AFTER INSERT ON findings BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER findings_update_moves_version AFTER UPDATE ON findings BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER findings_delete_moves_version AFTER DELETE ON findings BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER clues_insert_moves_version AFTER INSERT ON clues BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER clues_update_moves_version AFTER UPDATE ON clues BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER clues_delete_moves_version AFTER DELETE ON clues BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER clue_disposals_insert_moves_version AFTER INSERT ON clue_disposals BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER clue_disposals_update_moves_version AFTER UPDATE ON clue_disposals BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER clue_disposals_delete_moves_version AFTER DELETE ON clue_disposals BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER clue_outcomes_insert_moves_version AFTER INSERT ON clue_outcomes BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER clue_outcomes_update_moves_version AFTER UPDATE ON clue_outcomes BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER clue_outcomes_delete_moves_version AFTER DELETE ON clue_outcomes BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER rectification_tasks_insert_moves_version AFTER INSERT ON rectification_tasks BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER rectification_tasks_update_moves_version AFTER UPDATE ON rectification_tasks BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER rectification_tasks_delete_moves_version AFTER DELETE ON rectification_tasks BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER progress_reports_insert_moves_version AFTER INSERT ON progress_reports BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER progress_reports_update_moves_version AFTER UPDATE ON progress_reports BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER progress_reports_delete_moves_version AFTER DELETE ON progress_reports BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER evidence_insert_moves_version AFTER INSERT ON evidence BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER evidence_update_moves_version AFTER UPDATE ON evidence BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER evidence_delete_moves_version AFTER DELETE ON evidence BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER extension_requests_insert_moves_version AFTER INSERT ON extension_requests BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER extension_requests_update_moves_version AFTER UPDATE ON extension_requests BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER extension_requests_delete_moves_version AFTER DELETE ON extension_requests BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER notices_insert_moves_version AFTER INSERT ON notices BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER notices_update_moves_version AFTER UPDATE ON notices BEGIN UPDATE records_version SET version = version + 1; END;
CREATE TRIGGER notices_delete_moves_version AFTER DELETE ON notices BEGIN UPDATE records_version SET version = version + 1; END;
)SQL";

}  // namespace patrol::store
