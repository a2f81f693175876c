// The two kinds of failure a user can meet, mapped to the CLI's exit codes.
#pragma once

#include <stdexcept>
#include <string>

namespace patrol {

enum class ExitCode : int { Done = 0, Internal = 1, BadInput = 2 };

// Bad input or a refused action (exit 2). The message is Chinese and says what was
// expected, what was found and what to do.
class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Something the user cannot fix: a bug, an I/O failure (exit 1).
class InternalError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace patrol
