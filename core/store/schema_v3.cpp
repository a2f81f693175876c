// Schema v3: the unit's head, and the day of each recorded event that had no column for it
// (history entered after the fact keeps its real dates) with why an extension was denied.
#include "core/store/schema_sql.hpp"

namespace patrol::store {

const std::string_view kSchemaV3 = R"SQL(
-- The unit's head (主要负责人), told of red notices and of others when the task names nobody;
-- units.contact (联系人/电话) exists since v1.
ALTER TABLE units ADD COLUMN head TEXT;
ALTER TABLE rectification_tasks ADD COLUMN planned_on TEXT;
ALTER TABLE rectification_tasks ADD COLUMN submitted_on TEXT;
ALTER TABLE rectification_tasks ADD COLUMN returned_on TEXT;
ALTER TABLE extension_requests ADD COLUMN requested_on TEXT;
ALTER TABLE extension_requests ADD COLUMN decided_on TEXT;
ALTER TABLE extension_requests ADD COLUMN decision_reason TEXT;
)SQL";

}  // namespace patrol::store
