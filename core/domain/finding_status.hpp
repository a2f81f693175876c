// The finding lifecycle as an explicit state machine (spec/domain.md "Finding lifecycle").
// Being transferred as a clue is a separate flag and never a status.
#pragma once

#include <string_view>

#include "core/domain/vocabulary.hpp"

namespace patrol::domain {

enum class FindingStatus { Suspected, Confirmed, Dismissed, FedBack, Rectifying, Rectified, Closed };

inline constexpr Vocabulary<FindingStatus, 7> findingStatuses{
    "问题状态",
    {{{FindingStatus::Suspected, "suspected", "疑似"},
      {FindingStatus::Confirmed, "confirmed", "已确认"},
      {FindingStatus::Dismissed, "dismissed", "已排除"},
      {FindingStatus::FedBack, "fed_back", "已反馈"},
      {FindingStatus::Rectifying, "rectifying", "整改中"},
      {FindingStatus::Rectified, "rectified", "已整改"},
      {FindingStatus::Closed, "closed", "已销号"}}}};

enum class FindingEvent { Confirm, Dismiss, FeedBack, StartRectifying, MarkRectified, Close };

inline constexpr Vocabulary<FindingEvent, 6> findingEvents{
    "问题操作",
    {{{FindingEvent::Confirm, "confirm", "确认"},
      {FindingEvent::Dismiss, "dismiss", "排除"},
      {FindingEvent::FeedBack, "feed_back", "反馈"},
      {FindingEvent::StartRectifying, "start_rectifying", "开始整改"},
      {FindingEvent::MarkRectified, "mark_rectified", "整改完成"},
      {FindingEvent::Close, "close", "销号"}}}};

enum class FindingOrigin { Manual, Check };

// A manual finding is already a person's judgement; a check's finding needs one.
FindingStatus initialFindingStatus(FindingOrigin origin);

// The only status from which `event` may be applied, and the status it leads to.
FindingStatus findingEventSource(FindingEvent event);
FindingStatus findingEventTarget(FindingEvent event);

// Applies `event`; an illegal move throws UserError naming the current and requested status.
FindingStatus applyFindingEvent(FindingStatus current, FindingEvent event);

// A dismissal must say why (the reason is kept on the finding).
void requireDismissalReason(std::string_view reason);

}  // namespace patrol::domain
