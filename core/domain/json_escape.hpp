// The bytes a JSON string writes as escapes: the control characters, the quote and the backslash
// (RFC 8259). Poco's stringify escapes the same ones and not '/', so text written by hand with
// this table matches what Poco writes (json_text_test.cpp compares every byte value).
#pragma once

#include <array>

namespace patrol::domain {

// A table rather than comparisons: the JSONL of a heavy check and the row JSON of a mass
// escalation send nearly every byte they write through it.
inline constexpr std::array<bool, 256> kJsonEscaped = [] {
    std::array<bool, 256> escaped{};
    for (int c = 0; c < 0x20; ++c) escaped[c] = true;
    escaped['"'] = escaped['\\'] = true;
    return escaped;
}();

}  // namespace patrol::domain
