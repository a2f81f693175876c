// Text that arrives in a request body is kept and shown again (views, terminals, spreadsheets):
// it must be valid UTF-8 without control characters other than tab and line breaks.
#pragma once

#include <string>

namespace patrol::http {

// HttpRefusal 400 "invalid_text" naming `field` (described to the user as `label`, e.g.
// "字段 note", "表单字段 note") when `value` is not clean text.
void requireCleanText(const std::string& value, const std::string& field, const std::string& label);

}  // namespace patrol::http
