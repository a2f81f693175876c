#include "core/services/escalation_notice.hpp"

namespace patrol::services {

using domain::EscalationLevel;

std::string escalationNoticeMessage(const store::TaskRecord& task, EscalationLevel level, int32_t daysLeft,
                                    const Addressees& addressees) {
    const auto& recipients = addressees.recipients;
    const std::string registerHead = "请为单位 " + task.unitCode + " 登记负责人。";
    std::string m = "【" + std::string(domain::escalationLevels.label(level)) + "】整改任务 #" + std::to_string(task.id) +
                    "（" + task.unitCode + " " + task.unitName + "：" + task.findingTitle + "）整改期限 " + task.dueDate;
    if (daysLeft > 0) m += "，距期限还有 " + std::to_string(daysLeft) + " 天";
    else if (daysLeft == 0) m += "，今天到期";
    else m += "，已逾期 " + std::to_string(-daysLeft) + " 天";
    if (task.returnedCount > 0) m += "，已被退回 " + std::to_string(task.returnedCount) + " 次";
    // Said once: nobody named at all, or the head some of the notice was meant for.
    if (recipients.empty()) return m + "。无可通知的人员：" + registerHead;
    m += "。请" + recipientsText(recipients);
    switch (level) {
        case EscalationLevel::Green: m += "抓紧推进整改。"; break;
        case EscalationLevel::Yellow: m += "督促落实，确保按期完成。"; break;
        case EscalationLevel::Red: m += "知悉：该任务列入挂牌督办。"; break;
        case EscalationLevel::Accountability: m += "研究提出问责建议。"; break;
        case EscalationLevel::None: break;
    }
    if (addressees.unitHeadMissing) m += "单位主要负责人未登记，无法通知：" + registerHead;
    return m;
}

}  // namespace patrol::services
