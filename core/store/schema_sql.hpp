// The SQL of each schema version (schema_v1.cpp, schema_v2.cpp, ...). A released version's
// text never changes: files created by it are upgraded by the later steps.
#pragma once

#include <string_view>

namespace patrol::store {

extern const std::string_view kSchemaV1;
extern const std::string_view kSchemaV2;
extern const std::string_view kSchemaV3;
extern const std::string_view kSchemaV4;
extern const std::string_view kSchemaV5;
extern const std::string_view kSchemaV6;
extern const std::string_view kSchemaV7;
extern const std::string_view kSchemaV8;
extern const std::string_view kSchemaV9;
extern const std::string_view kSchemaV10;

}  // namespace patrol::store
