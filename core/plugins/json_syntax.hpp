// Where a JSON text stops being JSON: line and column of the first mistake, what was expected
// there and what was found. A plugin author edits metadata by hand; "line 12, column 5:
// expected , or }" finds a missing comma at once, a parser's bare "syntax error" does not.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace patrol::plugins {

struct JsonSyntaxError {
    int line = 1;    // 1-based
    int column = 1;  // 1-based, in characters (a Chinese character counts one)
    std::string expected;
    std::string found;
};

// nullopt when `text` is one well-formed JSON value (RFC 8259), surrounded by white space only.
std::optional<JsonSyntaxError> findJsonSyntaxError(std::string_view text);

}  // namespace patrol::plugins
