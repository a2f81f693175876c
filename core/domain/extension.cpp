#include "core/domain/extension.hpp"

#include <patrol/sdk/civil.hpp>

#include <string>

namespace patrol::domain {

void checkExtensionRequest(TaskStatus status, int32_t currentDue, int32_t requestedDue, bool anotherPending) {
    if (!isOpen(status))
        throw Conflict("任务当前状态为" + taskStatuses.quoted(status) + "，已销号的任务不能申请延期。");
    if (anotherPending)
        throw Conflict("该任务已有一项待审批的延期申请；请等待审批（task extension approve|deny）后再申请。");
    if (requestedDue <= currentDue)
        throw InvalidInput("to", "延期后的期限", "应晚于当前期限 " + civil::formatDate(currentDue) + "，实际为 " +
                                                   civil::formatDate(requestedDue) + "；请指定更晚的日期。");
}

ExtensionStatus decideExtension(ExtensionStatus current, bool approve) {
    if (current != ExtensionStatus::Pending)
        throw Conflict("延期申请当前状态为" + extensionStatuses.quoted(current) + "，不能再" +
                        (approve ? "批准" : "驳回") + "：只有" + extensionStatuses.quoted(ExtensionStatus::Pending) +
                        "的申请可以审批。");
    return approve ? ExtensionStatus::Approved : ExtensionStatus::Denied;
}

}  // namespace patrol::domain
