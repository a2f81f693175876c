#include "core/plugins/check_finding.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <tuple>

namespace patrol::plugins {

std::string fingerprintOf(const std::string& plugin, const std::string& rule, const std::vector<std::string>& sortedRefs) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    const char nul = '\0';
    auto add = [&](const std::string& s) {
        sha.update(s.data(), static_cast<unsigned>(s.size()));
        sha.update(&nul, 1);
    };
    add(plugin);
    add(rule);
    for (const auto& r : sortedRefs) add(r);
    return Poco::DigestEngine::digestToHex(sha.digest());
}

void seal(CheckFinding& finding) {
    std::sort(finding.refs.begin(), finding.refs.end());
    finding.fingerprint = fingerprintOf(finding.plugin, finding.rule, finding.refs);
}

bool findingOrder(const CheckFinding& a, const CheckFinding& b) {
    return std::tie(a.plugin, a.rule, a.unit, a.refs) < std::tie(b.plugin, b.rule, b.unit, b.refs);
}

}  // namespace patrol::plugins
