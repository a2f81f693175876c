// The request's target (path and query) checked before it is routed: one that does not
// percent-decode, or decodes to control characters, names no record and is refused with 400
// (never a 500, never a message cut short at a NUL byte).
#pragma once

#include <string>

namespace patrol::http {

// HttpRefusal 400 "malformed_uri" when `uri` cannot be used.
void checkRequestTarget(const std::string& uri);

}  // namespace patrol::http
