// Schema v6: the task list's order. Every task list (the web's 整改任务, most urgent first) reads
// open tasks before accepted ones, then by due date and id; without an index in that order SQLite
// sorts every task in scope for each page. With it a page reads only its own rows. The expression
// must stay word for word the one of listUrgentTasks's ORDER BY, or SQLite will not use it.
#include "core/store/schema_sql.hpp"

namespace patrol::store {

const std::string_view kSchemaV6 = R"SQL(
CREATE INDEX rectification_tasks_by_urgency ON rectification_tasks(status = 'accepted', due_date);
)SQL";

}  // namespace patrol::store
