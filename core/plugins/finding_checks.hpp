// What the host demands of every finding a plugin emits before it accepts any of them: a
// declared rule, a unit and a title, at least one ref and no ref twice, refs that are ids of
// rows the plugin was given, UTF-8 in every text, and an amount only where the rule declares
// one. A finding that breaks a demand would reach the JSONL or a round as a record nobody can
// trace (or as bytes that break the JSONL), so the whole run is refused instead.
#pragma once

#include "core/data/dataset.hpp"
#include "core/plugins/check_finding.hpp"
#include "core/plugins/finding_arena.hpp"
#include "core/plugins/plugin_metadata.hpp"

#include <optional>
#include <string>
#include <vector>

namespace patrol::plugins {

// The first demand a finding breaks, in emission order, worded after the plugin's label:
// "报告的疑似问题不合规：规则 FX-01 的第 2 个问题（单位 "U1"，记录 "I9"）中 …". Refs are checked
// against the id columns of the tables in `dataset` (nullptr: refs are not looked up).
std::optional<std::string> findingViolation(const PluginMetadata& metadata, const data::Dataset* dataset,
                                            const std::vector<CheckFinding>& findings);
std::optional<std::string> findingViolation(const PluginMetadata& metadata, const data::Dataset* dataset, const FindingArena& findings);

// Removes every finding whose fingerprint (plugin, rule, sorted refs) equals an earlier one's,
// keeping the first in the vector's order; refs must already be sorted. Returns how many went.
size_t dropRepeatedFindings(std::vector<CheckFinding>& findings);

// The findings that may repeat one another (their plugin, rule and refs hash alike), in runs.
struct RepeatCandidates {
    std::vector<uint32_t> members;  // finding indexes, run after run
    std::vector<uint32_t> runEnds;  // where each run ends in members
};
RepeatCandidates repeatCandidates(const FindingArena& findings);
// `order` (every finding's index once) without each finding that repeats one placed before it
// in `order`; adds to `dropped` how many went. Refs must already be sorted.
std::vector<uint32_t> withoutRepeats(const FindingArena& findings, std::vector<uint32_t> order, const RepeatCandidates& candidates,
                                     size_t& dropped);
// A sealed run's findings in output order (outputOrder) with repeats left out (as reorder takes
// it), `repeats` counting them: the findings, and the order, of a stable sort by findingOrder
// followed by dropRepeatedFindings, with the repeats looked for on a second thread meanwhile.
std::vector<uint32_t> finishedOrder(const FindingArena& findings, size_t& repeats);

}  // namespace patrol::plugins
