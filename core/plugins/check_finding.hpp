// A finding as the host owns it: copied out of the plugin, refs sorted, fingerprinted.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::plugins {

struct CheckFinding {
    std::string plugin;
    std::string rule;
    std::string unit;
    std::vector<std::string> refs;    // sorted ascending, byte order
    std::optional<int64_t> amountFen;
    std::string title;
    std::string detail;
    std::string fingerprint;          // see fingerprintOf
};

// SHA-256 (hex) of plugin, rule and the sorted refs, each followed by a NUL byte: stable across
// runs and unambiguous whatever the ids hold.
std::string fingerprintOf(std::string_view plugin, std::string_view rule, std::span<const std::string_view> sortedRefs);
std::string fingerprintOf(const std::string& plugin, const std::string& rule, const std::vector<std::string>& sortedRefs);

// Sorts the refs and sets the fingerprint.
void seal(CheckFinding& finding);

// The output order: plugin, rule, unit, then refs.
bool findingOrder(const CheckFinding& a, const CheckFinding& b);

}  // namespace patrol::plugins
