// Extension requests (延期申请): the due date stays until a leader or admin approves a new one.
#pragma once

#include <cstdint>

#include "core/domain/task_status.hpp"
#include "core/domain/vocabulary.hpp"

namespace patrol::domain {

enum class ExtensionStatus { Pending, Approved, Denied };

inline constexpr Vocabulary<ExtensionStatus, 3> extensionStatuses{
    "延期申请状态",
    {{{ExtensionStatus::Pending, "pending", "待审批"},
      {ExtensionStatus::Approved, "approved", "已批准"},
      {ExtensionStatus::Denied, "denied", "未批准"}}}};

// Refuses (UserError) a request on an accepted task, while another request is pending, or for
// a date not after the current due date.
void checkExtensionRequest(TaskStatus status, int32_t currentDue, int32_t requestedDue, bool anotherPending);

// Approving or denying is only possible once, while the request is pending.
ExtensionStatus decideExtension(ExtensionStatus current, bool approve);

}  // namespace patrol::domain
