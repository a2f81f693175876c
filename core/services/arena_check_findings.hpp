// A run's FindingArena read as a CheckFindingSource: each finding's category, severity and
// rectification kind come from its rule's metadata, and its refs are written as JSON text only
// when its row is written. Findings of a plugin without metadata are not offered.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/plugins/finding_arena.hpp"
#include "core/plugins/plugin_metadata.hpp"
#include "core/services/check_finding_source.hpp"

namespace patrol::services {

class ArenaCheckFindings final : public CheckFindingSource {
public:
    // `metadataOf`: each recorded plugin's metadata, by plugin id. Both must outlive this.
    ArenaCheckFindings(const plugins::FindingArena& arena,
                       const std::map<std::string, const plugins::PluginMetadata*, std::less<>>& metadataOf);

    size_t size() const override { return offered_.size(); }
    std::string_view unitCode(size_t i) const override;
    std::string_view severity(size_t i) const override;
    std::string_view fingerprintKey(size_t i) const override;
    CheckFindingFields fields(size_t i, std::string& scratch) const override;
    CheckFindingFields copiedFields(size_t i, std::string& scratch) const override;
    void letGoOfReadText() const override { arena_.letGoOfReadText(); }

private:
    // What a finding takes from its rule (a rule the metadata does not name: its code as the
    // category, medium, no rectification kind).
    struct RuleColumns {
        std::string_view category;
        std::string_view severity;
        std::optional<std::string_view> rectificationKind;
    };
    RuleColumns columnsOf(const plugins::FindingView& f) const;
    // Finding i's columns; with `copyTexts`, its title and detail copied into `scratch` too.
    CheckFindingFields fieldsOf(size_t i, std::string& scratch, bool copyTexts) const;

    const plugins::FindingArena& arena_;
    std::vector<uint32_t> offered_;  // arena places of the findings whose plugin has metadata
    // Keyed by the arena's interned plugin and rule texts, whose addresses name them.
    std::map<std::pair<const char*, const char*>, RuleColumns> rules_;
};

}  // namespace patrol::services
