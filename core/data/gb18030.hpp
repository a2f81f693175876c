// Dataset files exported by Excel on Chinese Windows arrive in GB18030 (GBK); the reader turns
// them into UTF-8 before anything else reads them.
#pragma once

#include "core/data/utf8_text.hpp"

#include <cstddef>
#include <functional>
#include <string_view>

namespace patrol::data {

// Converts the whole text from GB18030 to UTF-8, a large text in two halves on two threads:
// ASCII and two-byte characters from a table taken from glibc's iconv, the rest by iconv.
// Returns false when the bytes are not GB18030 either; `badOffset` holds where the conversion
// stopped (the text's size when it did not).
// `converted`, when given, is told from the converting threads of each stretch [from, to) of the
// input that is converted, a few megabytes at a time, so that the caller can give its pages back
// meanwhile. The input is read again should the conversion start over (a half that outgrew its
// room, or a byte that is not GB18030): pages given back must read the same again, as the pages
// of a mapped file do.
using ConvertedInput = std::function<void(size_t from, size_t to)>;
bool convertGb18030ToUtf8(std::string_view bytes, Utf8Text& out, size_t& badOffset, const ConvertedInput& converted = {});

namespace detail {
// The same by iconv alone, in one pass on this thread: the reference it is tested against.
bool convertGb18030InOnePass(std::string_view bytes, Utf8Text& out, size_t& badOffset);
}  // namespace detail

}  // namespace patrol::data
