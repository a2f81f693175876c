#include "core/services/secrets.hpp"

#include <sys/random.h>

#include <cerrno>

#include "core/digest/hex.hpp"
#include "core/domain/errors.hpp"

namespace patrol::services {

std::string randomBytes(size_t count) {
    std::string raw(count, '\0');
    size_t filled = 0;
    while (filled < count) {
        const ssize_t n = getrandom(raw.data() + filled, count - filled, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw InternalError("getrandom failed: the kernel gave no random bytes");
        filled += static_cast<size_t>(n);
    }
    return raw;
}

std::string randomHex(size_t bytes) {
    const auto raw = randomBytes(bytes);
    std::string hex(2 * raw.size(), '0');
    digest::writeHex({reinterpret_cast<const uint8_t*>(raw.data()), raw.size()}, hex.data());
    return hex;
}

bool sameSecret(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

bool isHex(const std::string& text, size_t length) {
    if (text.size() != length) return false;
    for (const char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    return true;
}

}  // namespace patrol::services
