// Schema v3: additions for issue 12, each statement self-contained.
#include "core/store/schema_sql.hpp"

namespace patrol::store {

const std::string_view kSchemaV3 = R"SQL(
-- The unit's head (主要负责人), told of red notices and of others when the task names nobody;
-- units.contact (联系人/电话) exists since v1.
ALTER TABLE units ADD COLUMN head TEXT;
)SQL";

}  // namespace patrol::store
