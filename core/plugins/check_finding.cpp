#include "core/plugins/check_finding.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <openssl/evp.h>

#include <algorithm>
#include <tuple>

namespace patrol::plugins {

namespace {

// Poco's portable SHA-256: used only if OpenSSL refuses.
std::string digestPlainly(const std::string& bytes) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(sha.digest());
}

}  // namespace

std::string fingerprintOf(const std::string& plugin, const std::string& rule, const std::vector<std::string>& sortedRefs) {
    std::string bytes;
    bytes.reserve(plugin.size() + rule.size() + 16 * sortedRefs.size() + 8);
    const auto add = [&bytes](const std::string& s) { bytes.append(s).push_back('\0'); };
    add(plugin);
    add(rule);
    for (const auto& r : sortedRefs) add(r);
    // OpenSSL uses the CPU's SHA instructions where it has them; recording hashes one of these
    // per finding, hundreds of thousands of them.
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) return digestPlainly(bytes);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex(2 * length, '0');
    for (unsigned int i = 0; i < length; ++i) {
        hex[2 * i] = kHex[digest[i] >> 4];
        hex[2 * i + 1] = kHex[digest[i] & 15];
    }
    return hex;
}

void seal(CheckFinding& finding) {
    std::sort(finding.refs.begin(), finding.refs.end());
    finding.fingerprint = fingerprintOf(finding.plugin, finding.rule, finding.refs);
}

bool findingOrder(const CheckFinding& a, const CheckFinding& b) {
    return std::tie(a.plugin, a.rule, a.unit, a.refs) < std::tie(b.plugin, b.rule, b.unit, b.refs);
}

}  // namespace patrol::plugins
