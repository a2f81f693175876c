#include "core/services/extension_queue.hpp"

#include "core/services/authorization.hpp"
#include "core/services/task_service.hpp"
#include "core/store/transaction.hpp"

namespace patrol::services {

std::vector<PendingExtension> pendingExtensions(store::Database& db, const Actor& actor) {
    requireAdminOrLeader(actor, "查看待审批的延期申请");
    // One read transaction: a request and its task come from the same moment.
    store::Transaction tx(db);
    std::vector<PendingExtension> queue;
    for (auto& request : store::listPendingExtensions(db))
        queue.push_back({request, requireVisibleTask(db, actor, request.taskId)});
    tx.commit();
    return queue;
}

}  // namespace patrol::services
