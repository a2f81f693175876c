// Schema v9: progress reports and extension requests found by their task. Every progress report
// reads its task's reports twice (the latest date it may not precede, and the row state its audit
// event records); without an index each read scanned every report of every task, so a report cost
// more the more reports the county had filed.
#include "core/store/schema_sql.hpp"

namespace patrol::store {

const std::string_view kSchemaV9 = R"SQL(
CREATE INDEX progress_reports_by_task ON progress_reports(task_id);
CREATE INDEX extension_requests_by_task ON extension_requests(task_id);
)SQL";

}  // namespace patrol::store
