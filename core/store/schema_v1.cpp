// Schema v1: every entity of spec/domain.md. Dates are 'YYYY-MM-DD' text (they sort and read
// well in the sqlite3 shell); times are UTC 'YYYY-MM-DDTHH:MM:SSZ'; money is integer fen.
#include "core/store/schema_sql.hpp"

namespace patrol::store {

const std::string_view kSchemaV1 = R"SQL(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE units (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('township','department','village','community','enterprise','other')),
  parent_id  INTEGER REFERENCES units(id),
  contact    TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  role       TEXT NOT NULL CHECK (role IN ('admin','inspector','unit','leader')),
  unit_id    INTEGER REFERENCES units(id),
  token_salt TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  revoked    INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0,1)),
  created_at TEXT NOT NULL,
  CHECK (role <> 'unit' OR unit_id IS NOT NULL)
);

-- Declared conflicts of interest (回避): the user may not inspect these units.
CREATE TABLE user_conflicts (
  user_id INTEGER NOT NULL REFERENCES users(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  PRIMARY KEY (user_id, unit_id)
);

CREATE TABLE rounds (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('regular','special','mobile','elevated','cross','lookback')),
  term        TEXT,
  stage       TEXT NOT NULL DEFAULT 'planned'
              CHECK (stage IN ('planned','onsite','reported','fed_back','rectifying','closed')),
  start_date  TEXT NOT NULL,
  end_date    TEXT NOT NULL,
  lookback_of INTEGER REFERENCES rounds(id),
  created_at  TEXT NOT NULL,
  CHECK (end_date >= start_date)
);

-- The day each stage was entered (planned = the start date).
CREATE TABLE round_stage_dates (
  round_id   INTEGER NOT NULL REFERENCES rounds(id),
  stage      TEXT NOT NULL,
  entered_on TEXT NOT NULL,
  PRIMARY KEY (round_id, stage)
);

CREATE TABLE round_plugins (
  round_id  INTEGER NOT NULL REFERENCES rounds(id),
  plugin_id TEXT NOT NULL,
  PRIMARY KEY (round_id, plugin_id)
);

CREATE TABLE round_targets (
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  unit_id  INTEGER NOT NULL REFERENCES units(id),
  PRIMARY KEY (round_id, unit_id)
);

CREATE TABLE round_team (
  round_id  INTEGER NOT NULL REFERENCES rounds(id),
  user_id   INTEGER NOT NULL REFERENCES users(id),
  is_leader INTEGER NOT NULL DEFAULT 0 CHECK (is_leader IN (0,1)),
  PRIMARY KEY (round_id, user_id)
);

CREATE TABLE findings (
  id                 INTEGER PRIMARY KEY,
  round_id           INTEGER NOT NULL REFERENCES rounds(id),
  unit_id            INTEGER NOT NULL REFERENCES units(id),
  category           TEXT NOT NULL,
  title              TEXT NOT NULL,
  detail             TEXT NOT NULL DEFAULT '',
  severity           TEXT NOT NULL DEFAULT 'medium' CHECK (severity IN ('low','medium','high')),
  amount_fen         INTEGER,
  people_count       INTEGER CHECK (people_count IS NULL OR people_count >= 0),
  people_level       TEXT,
  source             TEXT NOT NULL CHECK (source = 'manual' OR source LIKE 'check:%/%'),
  refs               TEXT NOT NULL DEFAULT '[]',
  fingerprint        TEXT,
  status             TEXT NOT NULL
                     CHECK (status IN ('suspected','confirmed','dismissed','fed_back','rectifying','rectified','closed')),
  dismissed_reason   TEXT,
  transferred        INTEGER NOT NULL DEFAULT 0 CHECK (transferred IN (0,1)),
  repeat_of          INTEGER REFERENCES findings(id),
  rectification_kind TEXT CHECK (rectification_kind IN ('immediate','deadline','long_term')),
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  UNIQUE (round_id, fingerprint)
);
CREATE INDEX findings_by_unit ON findings(unit_id);

-- A finding transferred (移交) to another body, its disposals (处置) and per-person outcomes.
CREATE TABLE clues (
  id             INTEGER PRIMARY KEY,
  finding_id     INTEGER NOT NULL UNIQUE REFERENCES findings(id),
  receiver       TEXT NOT NULL,
  transferred_on TEXT NOT NULL,
  reply_due      TEXT,
  created_by     TEXT NOT NULL
);

CREATE TABLE clue_disposals (
  id         INTEGER PRIMARY KEY,
  clue_id    INTEGER NOT NULL REFERENCES clues(id),
  method     TEXT NOT NULL CHECK (method IN ('talk_inquiry','preliminary','hold','close')),
  decided_on TEXT NOT NULL,
  note       TEXT
);

CREATE TABLE clue_outcomes (
  id             INTEGER PRIMARY KEY,
  clue_id        INTEGER NOT NULL REFERENCES clues(id),
  person         TEXT NOT NULL,
  person_level   TEXT,
  form           TEXT CHECK (form IN ('f1','f2','f3','f4')),
  party_sanction TEXT,
  gov_sanction   TEXT,
  org_handling   TEXT,
  referred       INTEGER NOT NULL DEFAULT 0 CHECK (referred IN (0,1)),
  recovered_fen  INTEGER NOT NULL DEFAULT 0,
  recorded_on    TEXT NOT NULL
);

CREATE TABLE rectification_tasks (
  id                INTEGER PRIMARY KEY,
  finding_id        INTEGER NOT NULL REFERENCES findings(id),
  kind              TEXT NOT NULL CHECK (kind IN ('immediate','deadline','long_term')),
  measure           TEXT,
  handler           TEXT,
  leader            TEXT,
  assigned_on       TEXT NOT NULL,
  due_date          TEXT NOT NULL,
  status            TEXT NOT NULL DEFAULT 'assigned'
                    CHECK (status IN ('assigned','planned','in_progress','submitted','accepted')),
  level             TEXT NOT NULL DEFAULT 'none' CHECK (level IN ('none','green','yellow','red','accountability')),
  returned_count    INTEGER NOT NULL DEFAULT 0,
  accepted_on       TEXT,
  verification_note TEXT
);
CREATE INDEX rectification_tasks_by_finding ON rectification_tasks(finding_id);

CREATE TABLE progress_reports (
  id          INTEGER PRIMARY KEY,
  task_id     INTEGER NOT NULL REFERENCES rectification_tasks(id),
  author_id   INTEGER REFERENCES users(id),
  author      TEXT NOT NULL,
  reported_on TEXT NOT NULL,
  percent     INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
  narrative   TEXT NOT NULL,
  review      TEXT
);

-- Evidence files are stored content-addressed; the original name is metadata only.
CREATE TABLE evidence (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT NOT NULL,
  size          INTEGER NOT NULL CHECK (size >= 0),
  original_name TEXT NOT NULL,
  stored_path   TEXT NOT NULL,
  task_id       INTEGER REFERENCES rectification_tasks(id),
  progress_id   INTEGER REFERENCES progress_reports(id),
  finding_id    INTEGER REFERENCES findings(id),
  uploaded_by   TEXT NOT NULL,
  uploaded_at   TEXT NOT NULL
);

CREATE TABLE extension_requests (
  id            INTEGER PRIMARY KEY,
  task_id       INTEGER NOT NULL REFERENCES rectification_tasks(id),
  previous_due  TEXT NOT NULL,
  requested_due TEXT NOT NULL,
  reason        TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','denied')),
  requested_by  TEXT NOT NULL,
  requested_at  TEXT NOT NULL,
  decided_by    TEXT,
  decided_at    TEXT
);

-- Append-only and hash-chained: hash = SHA-256 of the event's canonical content, which
-- includes prev_hash (see audit_log.cpp).
CREATE TABLE audit_events (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor_id    INTEGER,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE
);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
)SQL";

}  // namespace patrol::store
