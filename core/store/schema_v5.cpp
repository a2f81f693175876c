// Schema v5: look-ups of evidence by what it proves. A finding's own proof (取证: photos and scans
// the inspection team gathered) is an evidence row with finding_id set and no task; every event of
// the finding records those rows, so they must be found without reading the whole table.
#include "core/store/schema_sql.hpp"

namespace patrol::store {

const std::string_view kSchemaV5 = R"SQL(
CREATE INDEX evidence_by_finding ON evidence(finding_id) WHERE task_id IS NULL;
CREATE INDEX evidence_by_task ON evidence(task_id);
)SQL";

}  // namespace patrol::store
