// Helpers shared by the rectification workflow's commands (task, escalate, clue, calendar).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/cli/app.hpp"
#include "core/cli/error_hints.hpp"
#include "core/cli/session.hpp"
#include "core/domain/calendar.hpp"
#include "core/domain/escalation.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/notice_recipients.hpp"

namespace patrol::cli {

// Prints each pending calendar warning (a year no calendar covers) on its own line.
inline void printCalendarWarnings(const domain::WorkingCalendar& calendar, std::ostream& err) {
    for (const auto& warning : calendar.takeWarnings()) err << withNextStep(warning, {"calendar.file", ""}) << "\n";
}

// The positional record number (task, clue, finding) of a command.
inline int64_t positionalId(Invocation& inv, const char* what) {
    return services::requireId(inv.args.positional().at(0), what);
}

// A date option, or today when it is absent.
inline int32_t dateOption(Invocation& inv, const std::string& name) {
    const auto text = inv.args.value(name);
    return text ? services::requireDate(*text, "--" + name) : services::localToday();
}

// An escalation level: its Chinese label in a table, its code word in JSON and CSV.
inline Cell levelCell(domain::EscalationLevel level, ListingFormat format) {
    return Cell::of(std::string(showsLabels(format) ? domain::escalationLevels.label(level)
                                                               : domain::escalationLevels.code(level)));
}

// Who a notice names (its stored JSON): as the notice's text names them in a table, the JSON
// array itself in JSON and CSV.
inline Cell recipientsCell(const std::string& storedJson, ListingFormat format) {
    if (!showsLabels(format)) return Cell::json(storedJson);
    return Cell::of(services::recipientsText(services::parseRecipients(storedJson)));
}

}  // namespace patrol::cli
