// The notice one rise of 三色预警 stores: who is told and what it says. Shared by the escalation
// run and its one-task-at-a-time reference (escalation_service.hpp), so both say the same words.
#pragma once

#include <cstdint>
#include <string>

#include "core/domain/escalation.hpp"
#include "core/services/notice_recipients.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

std::string escalationNoticeMessage(const store::TaskRecord& task, domain::EscalationLevel level, int32_t daysLeft,
                                    const Addressees& addressees);

}  // namespace patrol::services
