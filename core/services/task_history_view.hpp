// The view of one task with everything that happened to it (task show, GET /api/v1/tasks/{id}).
#pragma once

#include <Poco/JSON/Object.h>

#include "core/services/task_service.hpp"

namespace patrol::services {

Poco::JSON::Object::Ptr extensionView(const store::ExtensionRecord& extension);
// The task's view plus progress, evidence, extensions, notices and its audited history.
Poco::JSON::Object::Ptr taskHistoryView(const TaskHistory& history);

}  // namespace patrol::services
