#include "core/plugins/check_finding.hpp"

#include <algorithm>
#include <tuple>

#include "core/digest/sha256.hpp"

namespace patrol::plugins {

std::string fingerprintOf(std::string_view plugin, std::string_view rule, std::span<const std::string_view> sortedRefs) {
    std::string bytes;
    bytes.reserve(plugin.size() + rule.size() + 16 * sortedRefs.size() + 8);
    const auto add = [&bytes](std::string_view s) { bytes.append(s).push_back('\0'); };
    add(plugin);
    add(rule);
    for (const auto r : sortedRefs) add(r);
    // Recording hashes one of these per finding, hundreds of thousands of them: past a few
    // thousand, sha256Hex goes to OpenSSL, which uses the CPU's SHA instructions.
    return digest::sha256Hex(bytes);
}

std::string fingerprintOf(const std::string& plugin, const std::string& rule, const std::vector<std::string>& sortedRefs) {
    const std::vector<std::string_view> refs(sortedRefs.begin(), sortedRefs.end());
    return fingerprintOf(std::string_view(plugin), std::string_view(rule), refs);
}

void seal(CheckFinding& finding) {
    std::sort(finding.refs.begin(), finding.refs.end());
    finding.fingerprint = fingerprintOf(finding.plugin, finding.rule, finding.refs);
}

bool findingOrder(const CheckFinding& a, const CheckFinding& b) {
    return std::tie(a.plugin, a.rule, a.unit, a.refs) < std::tie(b.plugin, b.rule, b.unit, b.refs);
}

}  // namespace patrol::plugins
