#include "core/store/sha256.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <openssl/evp.h>

#include <fstream>

namespace patrol::store {

std::string sha256Hex(std::string_view bytes) {
    // OpenSSL uses the CPU's SHA instructions where it has them: a mass escalation hashes about
    // 85 MB of audit events, which Poco's portable code took half a second for.
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        return sha256HexPlainly(bytes);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex(2 * length, '0');
    for (unsigned int i = 0; i < length; ++i) {
        hex[2 * i] = kHex[digest[i] >> 4];
        hex[2 * i + 1] = kHex[digest[i] & 15];
    }
    return hex;
}

std::string sha256HexPlainly(std::string_view bytes) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

std::optional<std::string> sha256OfFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    char buffer[65536];
    while (in) {
        in.read(buffer, sizeof buffer);
        if (in.gcount() > 0) engine.update(buffer, static_cast<unsigned>(in.gcount()));
    }
    if (in.bad()) return std::nullopt;
    return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace patrol::store
