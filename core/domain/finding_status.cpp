#include "core/domain/finding_status.hpp"

namespace patrol::domain {

FindingStatus initialFindingStatus(FindingOrigin origin) {
    return origin == FindingOrigin::Manual ? FindingStatus::Confirmed : FindingStatus::Suspected;
}

FindingStatus findingEventSource(FindingEvent event) {
    switch (event) {
        case FindingEvent::Confirm:
        case FindingEvent::Dismiss: return FindingStatus::Suspected;
        case FindingEvent::FeedBack: return FindingStatus::Confirmed;
        case FindingEvent::StartRectifying: return FindingStatus::FedBack;
        case FindingEvent::MarkRectified: return FindingStatus::Rectifying;
        case FindingEvent::Close: return FindingStatus::Rectified;
    }
    throw InternalError("finding event outside its list");
}

FindingStatus findingEventTarget(FindingEvent event) {
    switch (event) {
        case FindingEvent::Confirm: return FindingStatus::Confirmed;
        case FindingEvent::Dismiss: return FindingStatus::Dismissed;
        case FindingEvent::FeedBack: return FindingStatus::FedBack;
        case FindingEvent::StartRectifying: return FindingStatus::Rectifying;
        case FindingEvent::MarkRectified: return FindingStatus::Rectified;
        case FindingEvent::Close: return FindingStatus::Closed;
    }
    throw InternalError("finding event outside its list");
}

FindingStatus applyFindingEvent(FindingStatus current, FindingEvent event) {
    const FindingStatus source = findingEventSource(event);
    const FindingStatus target = findingEventTarget(event);
    if (current == source) return target;
    const std::string action = "「" + std::string(findingEvents.label(event)) + "」";
    throw Conflict("问题当前状态为" + findingStatuses.quoted(current) + "，不能执行" + action + "改为" +
                    findingStatuses.quoted(target) + "：只有" + findingStatuses.quoted(source) + "状态的问题可以" +
                    action + "。");
}

void requireDismissalReason(std::string_view reason) {
    for (char c : reason)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
    throw UserError("排除疑似问题必须写明理由（reason），例如「经核实为正常业务往来」；请补充理由后重试。");
}

}  // namespace patrol::domain
