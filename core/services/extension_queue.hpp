// The extension requests waiting for a decision (待审批的延期申请): what a leader works through
// before approving or denying each on its task (task_service.hpp decideExtension).
#pragma once

#include <vector>

#include "core/services/actor.hpp"
#include "core/store/extension_repository.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

struct PendingExtension {
    store::ExtensionRecord request;
    store::TaskRecord task;
};

// Oldest request first. Only admins and leaders decide extensions, so only they may list them.
std::vector<PendingExtension> pendingExtensions(store::Database& db, const Actor& actor);

}  // namespace patrol::services
