// Reading a new password: typed twice at the terminal without echo, or one line of standard
// input when that is not a terminal (scripts). Never an argument, which others on the machine
// could read in the process list.
#pragma once

#include <iosfwd>
#include <string>

namespace patrol::cli {

// `prompts` receives the questions (only when asking a terminal). UserError when the two entries
// differ or standard input holds no line.
std::string readNewPassword(const std::string& userName, std::ostream& prompts);

}  // namespace patrol::cli
