// Dataset files exported by Excel on Chinese Windows arrive in GB18030 (GBK); the reader turns
// them into UTF-8 before anything else reads them.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

namespace patrol::data {

// Text converted to UTF-8. Its buffer is not cleared before it is written, so that each page of
// a large text is first touched by the thread that converts into it.
struct Utf8Text {
    std::unique_ptr<char[]> bytes;
    size_t size = 0;
    std::string_view view() const { return {bytes.get(), size}; }
};

// Converts the whole text from GB18030 to UTF-8, a large text in two halves on two threads:
// ASCII and two-byte characters from a table taken from glibc's iconv, the rest by iconv.
// Returns false when the bytes are not GB18030 either; `badOffset` holds where the conversion
// stopped (the text's size when it did not).
bool convertGb18030ToUtf8(std::string_view bytes, Utf8Text& out, size_t& badOffset);

namespace detail {
// The same by iconv alone, in one pass on this thread: the reference it is tested against.
bool convertGb18030InOnePass(std::string_view bytes, Utf8Text& out, size_t& badOffset);
}  // namespace detail

}  // namespace patrol::data
