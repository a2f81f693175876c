// Why a ledger's text is not a date, in words for the user who has to correct the row. The
// reader tells a text in the wrong form from one in the right form naming no real day
// ("2025-02-29"): told only "should be YYYY-MM-DD", the second kind reads as a contradiction.
#pragma once

#include <string>
#include <string_view>

namespace patrol::data {

// The reason shown after 'column X's value "..."' for a text civil::parseDate refuses.
std::string dateProblem(std::string_view text);

}  // namespace patrol::data
