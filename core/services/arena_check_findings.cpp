#include "core/services/arena_check_findings.hpp"

#include "core/digest/hex.hpp"
#include "core/services/json_text.hpp"

namespace patrol::services {

ArenaCheckFindings::ArenaCheckFindings(const plugins::FindingArena& arena,
                                       const std::map<std::string, const plugins::PluginMetadata*, std::less<>>& metadataOf)
    : arena_(arena) {
    offered_.reserve(arena.size());
    for (uint32_t i = 0; i < arena.size(); ++i) {
        const plugins::FindingView f = arena[i];
        const auto key = std::make_pair(f.plugin.data(), f.rule.data());
        if (rules_.count(key)) {
            offered_.push_back(i);
            continue;
        }
        const auto metadata = metadataOf.find(f.plugin);
        if (metadata == metadataOf.end()) continue;
        const plugins::RuleInfo* rule = metadata->second->rule(std::string(f.rule));
        rules_.emplace(key, rule ? RuleColumns{rule->category, rule->severity, std::string_view(rule->rectification.kind)}
                                 : RuleColumns{f.rule, "medium", std::nullopt});
        offered_.push_back(i);
    }
}

ArenaCheckFindings::RuleColumns ArenaCheckFindings::columnsOf(const plugins::FindingView& f) const {
    return rules_.at(std::make_pair(f.plugin.data(), f.rule.data()));
}

std::string_view ArenaCheckFindings::unitCode(size_t i) const { return arena_[offered_[i]].unit; }

std::string_view ArenaCheckFindings::severity(size_t i) const { return columnsOf(arena_[offered_[i]]).severity; }

// The arena holds fingerprints as digest bytes, which is what fingerprintKey makes of their hex.
std::string_view ArenaCheckFindings::fingerprintKey(size_t i) const { return arena_[offered_[i]].fingerprintDigest; }

CheckFindingFields ArenaCheckFindings::fields(size_t i, std::string& scratch) const { return fieldsOf(i, scratch, false); }

CheckFindingFields ArenaCheckFindings::copiedFields(size_t i, std::string& scratch) const { return fieldsOf(i, scratch, true); }

CheckFindingFields ArenaCheckFindings::fieldsOf(size_t i, std::string& scratch, bool copyTexts) const {
    const plugins::FindingView f = arena_[offered_[i]];  // views only: no text of the file read yet
    const RuleColumns rule = columnsOf(f);
    // Straight into text (as Poco's stringify writes it): a Poco array and a stream per finding
    // took longer than inserting the finding.
    JsonText refs(std::move(scratch));
    refs.openArray();
    for (const auto r : f.refs) refs.value(r);
    refs.closeArray();
    scratch = refs.take();
    const size_t refsSize = scratch.size();
    scratch.resize(refsSize + 2 * f.fingerprintDigest.size());
    digest::writeHex({reinterpret_cast<const uint8_t*>(f.fingerprintDigest.data()), f.fingerprintDigest.size()}, scratch.data() + refsSize);
    const size_t textsAt = scratch.size();
    if (copyTexts) arena_.appendTexts(offered_[i], scratch);
    const std::string_view text(scratch);
    const std::string_view title = copyTexts ? text.substr(textsAt, f.title.size()) : f.title;
    const std::string_view detail = copyTexts ? text.substr(textsAt + f.title.size()) : f.detail;
    return {f.plugin, f.rule, rule.category, title, detail, rule.severity, f.amountFen, text.substr(0, refsSize),
            text.substr(refsSize, textsAt - refsSize), rule.rectificationKind};
}

}  // namespace patrol::services
