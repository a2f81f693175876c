// Where a JSON text stops being JSON: line and column of the first mistake, what was expected
// there and what was found. A plugin author edits metadata by hand; "line 12, column 5:
// expected , or }" finds a missing comma at once, a parser's bare "syntax error" does not.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace patrol::plugins {

// `expected` and `found` are phrases to follow "应为" and "实际为": those that begin with a
// quoted or Latin text begin with a space, as the metadata reader's other messages do.
struct JsonSyntaxError {
    int line = 1;    // 1-based
    int column = 1;  // 1-based, in characters (a Chinese character counts one)
    std::string expected;
    std::string found;
};

// nullopt when `text` is one well-formed JSON value (RFC 8259), surrounded by white space only.
std::optional<JsonSyntaxError> findJsonSyntaxError(std::string_view text);

}  // namespace patrol::plugins
