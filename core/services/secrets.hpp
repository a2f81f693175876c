// Random secrets (tokens, salts) from the kernel's generator, and comparing them without
// letting the time taken tell how much matched.
#pragma once

#include <cstddef>
#include <string>

namespace patrol::services {

// `count` random bytes. InternalError if the kernel cannot give them: never a weaker fallback.
std::string randomBytes(size_t count);
// `bytes` random bytes as lowercase hex (2 * bytes characters).
std::string randomHex(size_t bytes);

// Equal strings; the time taken depends only on the lengths.
bool sameSecret(const std::string& a, const std::string& b);

// Exactly `length` lowercase or uppercase hex digits.
bool isHex(const std::string& text, size_t length);

}  // namespace patrol::services
