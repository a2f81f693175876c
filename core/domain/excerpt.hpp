// The part of a user's text a message may quote: at most ~100 bytes, cut on a UTF-8 character
// boundary and marked with "…", so a runaway value is never echoed whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace patrol::domain {

inline std::string excerpt(std::string_view text, size_t limit = 100) {
    if (text.size() <= limit) return std::string(text);
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "…";
}

}  // namespace patrol::domain
