// Text placed inside HTML or XML markup: the report writers share one escape.
#pragma once

#include <string>

namespace patrol::services {

// `s` with &, <, > and " written as entities, safe as element text and as a quoted attribute.
std::string markupText(const std::string& s);

}  // namespace patrol::services
