#include "core/domain/escalation.hpp"

namespace patrol::domain {

EscalationLevel deservedLevel(int32_t due, int32_t asOf, int timesReturned, const EscalationRule& rule) {
    const int32_t left = due - asOf;  // 0 = due today
    if (timesReturned >= rule.accountabilityReturns || left <= -rule.accountabilityDaysOverdue)
        return EscalationLevel::Accountability;
    if (left < 0) return EscalationLevel::Red;
    if (left <= rule.yellowDaysLeft) return EscalationLevel::Yellow;
    if (left <= rule.greenDaysLeft) return EscalationLevel::Green;
    return EscalationLevel::None;
}

std::vector<Recipient> recipientsFor(EscalationLevel level) {
    switch (level) {
        case EscalationLevel::None: return {};
        case EscalationLevel::Green: return {Recipient::Handler};
        case EscalationLevel::Yellow: return {Recipient::Handler, Recipient::ResponsibleLeader};
        case EscalationLevel::Red: return {Recipient::UnitHead, Recipient::InspectionOffice};
        case EscalationLevel::Accountability: return {Recipient::Leadership};
    }
    return {};
}

}  // namespace patrol::domain
