// The name a user typed, read as another: hidden and missing refusals compare equal through it.
#pragma once

#include <string>

namespace security {

inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace security
