#!/usr/bin/env bash
# The patrol check rules written by hand for the sqlite3 shell (.import + SQL): the sqlite3 peer.
#
# Usage: peer_sqlite.sh PLUGIN DATA_DIR AS_OF CALENDAR.json
# Prints one line per finding, "rule<TAB>unit<TAB>ref,ref,...<TAB>amount-in-yuan-or-empty", sorted.
# Reads UTF-8 files with the exact column names of docs/datasets.md (as bench/generate.py writes them);
# rejects rows the way the spec says (required, malformed, unknown word, duplicate id: later row).
set -euo pipefail
plugin=$1 data=$2 as_of=$3 calendar=$4

# SQL snippets for validating text columns of the imported (all-text) tables.
date_ok() { echo "($1 GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND substr($1,1,4) <> '0000' AND date($1,'+0 days') = $1)"; }
opt_date_ok() { echo "($1 = '' OR $(date_ok "$1"))"; }
# Money: digits (at most 15), optionally a point and one or two digits.
money_ok() { echo "($1 <> '' AND $1 NOT GLOB '*[^0-9.]*' AND $1 NOT GLOB '.*' AND $1 NOT GLOB '*.*.*' AND $1 NOT GLOB '*.' AND $1 NOT GLOB '*.[0-9][0-9][0-9]*' AND instr($1 || '.', '.') <= 16)"; }
# Exact fen from the text, no floating point.
fen() { echo "(CAST(substr($1, 1, instr($1 || '.', '.') - 1) AS INTEGER) * 100 + CAST(substr(substr($1, instr($1 || '.', '.') + 1) || '00', 1, 2) AS INTEGER))"; }
int_ok() { echo "($1 <> '' AND ltrim($1,'+-') <> '' AND length($1) - length(ltrim($1,'+-')) <= 1 AND ltrim($1,'+-') NOT GLOB '*[^0-9]*' AND length(ltrim($1,'+-')) <= 18)"; }
time_ok() { echo "($1 GLOB '[0-2][0-9]:[0-5][0-9]' AND CAST(substr($1,1,2) AS INTEGER) <= 23)"; }
minutes() { echo "(CAST(substr($1,1,2) AS INTEGER) * 60 + CAST(substr($1,4,2) AS INTEGER))"; }
yuan() { echo "printf('%d.%02d', ($1) / 100, ($1) % 100)"; }
# Keeps valid rows; of rows sharing an id, only the first valid one (the later row is rejected).
first_valid() { # $1 raw table, $2 id column, $3 validity condition, $4 typed select list, $5 target table
  cat <<SQL
CREATE TABLE $5 AS SELECT $4 FROM (
  SELECT *, row_number() OVER (PARTITION BY "$2" ORDER BY rowid) AS nth FROM $1 WHERE $3) WHERE nth = 1;
SQL
}

have() { [ -f "$data/$1.csv" ]; }

{
  echo ".bail on"
  echo ".mode csv"
  for t in households cadres projects payments approvals postings complaints arrears expenses trips; do
    have "$t" && echo ".import '$data/$t.csv' raw_$t"
  done
  # The working-day calendar as a table, from the JSON file.
  cat <<SQL
CREATE TABLE holidays AS SELECT value AS day FROM json_each(readfile('$calendar'), '\$.holidays');
CREATE TABLE workdays AS SELECT value AS day FROM json_each(readfile('$calendar'), '\$.workdays');
CREATE TABLE findings(rule TEXT, unit TEXT, refs TEXT, amount TEXT);
SQL
  working() { echo "($1 IN (SELECT day FROM workdays) OR (strftime('%w', $1) NOT IN ('0','6') AND $1 NOT IN (SELECT day FROM holidays)))"; }

  case $plugin in
  four_styles)
    if have expenses; then
      first_valid raw_expenses expense_id \
        "expense_id <> '' AND unit_code <> '' AND $(date_ok date) AND category IN ('reception','meal','vehicle','travel','gift','meeting','other') AND $(money_ok amount) AND (headcount = '' OR $(int_ok headcount)) AND (category <> 'reception' OR ($(int_ok headcount) AND CAST(headcount AS INTEGER) >= 1))" \
        "expense_id, unit_code, date, category, $(fen amount) AS fen, CAST(NULLIF(headcount,'') AS INTEGER) AS headcount, vendor, description" expenses
      cat <<SQL
INSERT INTO findings SELECT 'FS-01', unit_code, expense_id, $(yuan "fen - 15000 * headcount") FROM expenses
  WHERE category = 'reception' AND fen > 15000 * headcount;
INSERT INTO findings SELECT 'FS-02', unit_code, expense_id, $(yuan fen) FROM expenses
  WHERE category IN ('reception','meal') AND NOT $(working date);
CREATE INDEX expenses_group ON expenses(unit_code, vendor, date);
INSERT INTO findings SELECT 'FS-03', unit_code, (SELECT group_concat(expense_id, ',') FROM (SELECT expense_id FROM expenses x
    WHERE x.unit_code = g.unit_code AND x.vendor = g.vendor AND x.date = g.date AND x.fen < 500000 ORDER BY expense_id)), $(yuan total)
  FROM (SELECT unit_code, vendor, date, sum(fen) AS total, count(*) AS n FROM expenses
        WHERE vendor <> '' AND fen < 500000 GROUP BY unit_code, vendor, date) g
  WHERE n >= 2 AND total >= 500000;
INSERT INTO findings SELECT 'FS-04', unit_code, expense_id, $(yuan fen) FROM expenses
  WHERE category = 'gift' OR description LIKE '%茅台%' OR description LIKE '%五粮液%' OR description LIKE '%购物卡%'
     OR description LIKE '%礼品卡%' OR description LIKE '%消费卡%' OR description LIKE '%香烟%' OR description LIKE '%名烟%'
     OR description LIKE '%名酒%' OR description LIKE '%高档%';
SQL
    fi
    if have trips; then
      first_valid raw_trips trip_id \
        "trip_id <> '' AND unit_code <> '' AND $(date_ok date) AND $(time_ok depart_time) AND (return_time = '' OR $(time_ok return_time))" \
        "trip_id, unit_code, date, $(minutes depart_time) AS depart" trips
      cat <<SQL
INSERT INTO findings SELECT 'FS-05', unit_code, trip_id, '' FROM trips
  WHERE NOT $(working date) OR depart >= 22 * 60 OR depart < 6 * 60;
SQL
    fi
    ;;
  poverty_alleviation)
    have households && first_valid raw_households household_id \
      "household_id <> '' AND status IN ('active','exited','removed') AND $(opt_date_ok status_changed_on)" \
      "household_id, status, NULLIF(status_changed_on,'') AS changed_on" households
    have cadres && first_valid raw_cadres cadre_id "cadre_id <> ''" "cadre_id, household_id" cadres
    have projects && first_valid raw_projects project_id \
      "project_id <> '' AND unit_code <> '' AND $(money_ok budget) AND $(opt_date_ok funds_arrived_on) AND $(opt_date_ok planned_completion) AND $(opt_date_ok actual_completion)" \
      "project_id, unit_code, $(fen budget) AS budget, NULLIF(funds_arrived_on,'') AS funds_on, NULLIF(planned_completion,'') AS planned, NULLIF(actual_completion,'') AS actual" projects
    have payments && first_valid raw_payments payment_id \
      "payment_id <> '' AND unit_code <> '' AND program <> '' AND household_id <> '' AND $(money_ok amount) AND $(date_ok paid_on)" \
      "payment_id, unit_code, project_id, program, household_id, $(fen amount) AS fen, paid_on" payments
    if have payments && have households; then cat <<SQL
INSERT INTO findings SELECT 'PA-01', p.unit_code, p.payment_id, $(yuan p.fen) FROM payments p LEFT JOIN households h USING (household_id)
  WHERE h.household_id IS NULL OR (h.status = 'removed' AND (h.changed_on IS NULL OR h.changed_on <= p.paid_on));
SQL
    fi
    if have payments; then cat <<SQL
CREATE INDEX payments_group ON payments(household_id, program, paid_on);
INSERT INTO findings SELECT 'PA-02',
    (SELECT unit_code FROM payments x WHERE x.household_id = g.household_id AND x.program = g.program AND substr(x.paid_on,1,7) = g.month
      ORDER BY paid_on, payment_id LIMIT 1),
    (SELECT group_concat(payment_id, ',') FROM (SELECT payment_id FROM payments x
      WHERE x.household_id = g.household_id AND x.program = g.program AND substr(x.paid_on,1,7) = g.month ORDER BY payment_id)),
    $(yuan "total - largest")
  FROM (SELECT household_id, program, substr(paid_on,1,7) AS month, count(*) AS n, sum(fen) AS total, max(fen) AS largest
        FROM payments GROUP BY household_id, program, month) g WHERE n >= 2;
SQL
    fi
    if have payments && have cadres; then cat <<SQL
INSERT INTO findings SELECT 'PA-03', unit_code, payment_id, $(yuan fen) FROM payments
  WHERE household_id IN (SELECT household_id FROM cadres WHERE household_id <> '');
SQL
    fi
    if have projects && have payments; then cat <<SQL
CREATE TABLE spent AS SELECT project_id, sum(fen) AS total, sum(CASE WHEN paid_on <= '$as_of' THEN fen ELSE 0 END) AS disbursed
  FROM payments WHERE project_id <> '' GROUP BY project_id;
INSERT INTO findings SELECT 'PA-04', unit_code, project_id, $(yuan "budget - coalesce(disbursed, 0)") FROM projects LEFT JOIN spent USING (project_id)
  WHERE funds_on IS NOT NULL AND actual IS NULL AND julianday('$as_of') - julianday(funds_on) > 90 AND coalesce(disbursed, 0) * 2 < budget;
INSERT INTO findings SELECT 'PA-05', unit_code, project_id, $(yuan "total - budget") FROM projects JOIN spent USING (project_id)
  WHERE total > budget;
SQL
    fi
    if have projects; then cat <<SQL
INSERT INTO findings SELECT 'PA-06', unit_code, project_id, '' FROM projects WHERE planned < '$as_of' AND actual IS NULL;
SQL
    fi
    ;;
  business_environment)
    if have approvals; then
      first_valid raw_approvals case_id \
        "case_id <> '' AND unit_code <> '' AND $(date_ok received_on) AND $(opt_date_ok completed_on) AND $(int_ok time_limit_days) AND CAST(time_limit_days AS INTEGER) >= 0" \
        "case_id, unit_code, received_on, coalesce(NULLIF(completed_on,''), '$as_of') AS end_on, CAST(time_limit_days AS INTEGER) AS time_limit" approvals
      cat <<SQL
-- Every day from the earliest receipt to the latest end, with a running count of working days.
CREATE TABLE days AS WITH RECURSIVE d(day) AS (
    SELECT (SELECT min(received_on) FROM approvals) UNION ALL
    SELECT date(day, '+1 day') FROM d WHERE day < (SELECT max(max(end_on), max(received_on)) FROM approvals))
  SELECT day, sum($(working day)) OVER (ORDER BY day) AS worked FROM d;
CREATE UNIQUE INDEX days_day ON days(day);
INSERT INTO findings SELECT 'BE-01', unit_code, case_id, '' FROM approvals a
  WHERE end_on > received_on
    AND (SELECT worked FROM days WHERE day = a.end_on) - (SELECT worked FROM days WHERE day = a.received_on) > time_limit;
SQL
    fi
    if have postings; then
      first_valid raw_postings staff_id \
        "staff_id <> '' AND unit_code <> '' AND key_post IN ('yes','no') AND $(date_ok since)" "staff_id, unit_code, key_post, since" postings
      cat <<SQL
INSERT INTO findings SELECT 'BE-02', unit_code, staff_id, '' FROM postings
  WHERE key_post = 'yes' AND '$as_of' >= CASE WHEN substr(since,6,5) = '02-29' AND substr(date(since,'+5 years'),6,5) = '03-01'
                                              THEN date(since,'+5 years','-1 day') ELSE date(since,'+5 years') END;
SQL
    fi
    if have complaints; then
      first_valid raw_complaints complaint_id \
        "complaint_id <> '' AND unit_code <> '' AND $(date_ok received_on) AND $(opt_date_ok resolved_on)" \
        "complaint_id, unit_code, substr(received_on,1,7) AS month" complaints
      cat <<SQL
CREATE INDEX complaints_group ON complaints(unit_code, month);
INSERT INTO findings SELECT 'BE-03', unit_code, (SELECT group_concat(complaint_id, ',') FROM (SELECT complaint_id FROM complaints x
    WHERE x.unit_code = g.unit_code AND x.month = g.month ORDER BY complaint_id)), ''
  FROM (SELECT unit_code, month, count(*) AS n FROM complaints GROUP BY unit_code, month) g WHERE n >= 3;
SQL
    fi
    if have arrears; then
      first_valid raw_arrears contract_id \
        "contract_id <> '' AND unit_code <> '' AND $(money_ok amount) AND $(date_ok due_on) AND $(opt_date_ok paid_on)" \
        "contract_id, unit_code, $(fen amount) AS fen, due_on, NULLIF(paid_on,'') AS paid_on" arrears
      cat <<SQL
INSERT INTO findings SELECT 'BE-04', unit_code, contract_id, $(yuan fen) FROM arrears
  WHERE julianday(coalesce(paid_on, '$as_of')) - julianday(due_on) > 30;
SQL
    fi
    ;;
  *) echo "unknown plugin $plugin" >&2; exit 2 ;;
  esac
  echo ".mode list"
  echo ".separator \"\t\""
  echo "SELECT rule, unit, refs, amount FROM findings ORDER BY 1, 2, 3, 4;"
} | sqlite3 :memory:
