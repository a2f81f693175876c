// Addresses of a round's pages: the code is a path segment, so it is percent-encoded.
#pragma once

#include <Poco/URI.h>

#include <string>

namespace patrol::web {

inline std::string roundHref(const std::string& code) {
    std::string encoded;
    Poco::URI::encode(code, "/?#&=+%", encoded);
    return "/rounds/" + encoded;
}

}  // namespace patrol::web
