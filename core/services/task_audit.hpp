// How rectification tasks appear in the audit log: one event per change, with the task's
// state before and after as JSON (so `task show` can tell its history from the log).
#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

#include "core/services/actor.hpp"
#include "core/services/json_text.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

inline constexpr const char* kTaskEntity = "rectification_task";

Poco::JSON::Object::Ptr taskJson(const store::TaskRecord& task);

// The fields of taskJson() written into an open object, in the same order and bytes.
JsonText& taskJsonFields(JsonText& json, const store::TaskRecord& task);

// Appends one audit event for the task; the keys of `extra` (e.g. the reason of a return) are
// added to the "after" object. Its JSON is written as text (every progress report writes one, and
// building it as Poco objects was a sixth of the report's work).
void auditTask(store::Database& db, const Actor& actor, const std::string& action,
               const std::optional<store::TaskRecord>& before, const store::TaskRecord& after,
               const Poco::JSON::Object::Ptr& extra = nullptr);

// The same event built as Poco objects through recordChange(): the reference auditTask() is
// tested against, byte for byte.
void auditTaskPlainly(store::Database& db, const Actor& actor, const std::string& action,
                      const std::optional<store::TaskRecord>& before, const store::TaskRecord& after,
                      const Poco::JSON::Object::Ptr& extra = nullptr);

}  // namespace patrol::services
