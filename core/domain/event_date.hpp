// The day a recorded event happened (进展、验收、阶段推进 …). History may be entered after the
// fact, so the day is typed in; it must still read in order: never after today, never before
// the event it follows. Pure: values in, values out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::domain {

// An event as messages name it, e.g. {"交办", day}, and the day it happened.
struct DatedEvent {
    std::string name;
    int32_t day = 0;
};

// Why `event` may not be recorded, or none: dated after `today` (only what has happened is
// recorded; looking ahead is --as-of's job), or before `follows`, the event it comes after.
// Both dates are named either way.
std::optional<std::string> eventDateRefusal(const DatedEvent& event, int32_t today,
                                            const std::optional<DatedEvent>& follows);

// eventDateRefusal as a UserError.
void checkEventDate(const DatedEvent& event, int32_t today, const std::optional<DatedEvent>& follows);

// The latest of the events (the last given of equal days), or none when there are none.
std::optional<DatedEvent> latestEvent(const std::vector<DatedEvent>& events);

}  // namespace patrol::domain
