// Checks of what people type, shared by the use cases: codes, dates, money, ids. Each refuses
// with InvalidInput naming `field` (how a front door calls it, e.g. "start") and `what` (its
// Chinese name, which starts the message).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace patrol::services {

// Letters, digits, '-', '_' and '.', 1..64 characters. `what` names it, e.g. "单位编码".
std::string requireCode(std::string_view text, std::string_view what, std::string_view field = {});
// What people type is kept and shown again (terminals, JSON, web pages, spreadsheets), so it
// must be valid UTF-8 without control characters other than tab and line breaks, and of a
// length a page can show.
inline constexpr size_t kMaxLineChars = 200;    // a name, a title, a person
inline constexpr size_t kMaxTextChars = 10000;  // a measure, a note, a reason, a detail

// Not blank, clean, at most kMaxTextChars characters; `what` names it.
std::string requireText(std::string_view text, std::string_view what, std::string_view field = {});
// A name or a title: as requireText, on one line of at most kMaxLineChars characters.
std::string requireLine(std::string_view text, std::string_view what, std::string_view field = {});
// Text that may be left empty (a finding's detail): clean and not too long when given.
std::string optionalText(std::string_view text, std::string_view what, std::string_view field = {});
// A real calendar date YYYY-MM-DD, as days since 1970-01-01.
int32_t requireDate(std::string_view text, std::string_view what, std::string_view field = {});
// Yuan with at most two decimals, as fen.
int64_t requireAmount(std::string_view text, std::string_view field = "amount");
// A positive record id such as a finding number.
int64_t requireId(std::string_view text, std::string_view what, std::string_view field = {});
// A whole number >= 0.
int64_t requireCount(std::string_view text, std::string_view what, std::string_view field = {});

// Today's date on this machine's clock (or PATROL_TODAY, see store/clock.hpp), as days since 1970-01-01.
int32_t localToday();

}  // namespace patrol::services
