// Bulk review (批量审核): confirm or dismiss many suspected findings at once, named by number or
// chosen by a filter, in one transaction — every one of them or none.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/finding_status.hpp"
#include "core/services/actor.hpp"
#include "core/store/finding_repository.hpp"

namespace patrol::services {

// Either `ids`, or the filter below (findings the actor may see, suspected unless `status` says).
struct FindingSelection {
    std::vector<int64_t> ids;
    std::optional<std::string> roundCode;
    std::optional<std::string> unitCode;
    std::optional<std::string> status;
    std::optional<std::string> plugin;  // the check that found it: source check:<plugin>/<rule>
    std::optional<std::string> rule;
};

struct BulkReview {
    std::vector<store::FindingRecord> findings;  // as stored after the decision, or before it when not applied
    bool applied = false;
};

// Selects the findings and checks every one: visible to the actor, the actor may decide on its
// round, and its status allows `event`. The first that fails refuses the whole batch, named in
// the message. Then decides all of them, one audit event each, but only when `proceed(count)`
// agrees; otherwise nothing changes. No findings selected: nothing happens, none returned.
// `day` (default today) may not be after today nor before any chosen finding was recorded.
BulkReview reviewFindings(store::Database& db, const Actor& actor, const FindingSelection& selection,
                          domain::FindingEvent event, const std::optional<std::string>& reason,
                          const std::function<bool(size_t)>& proceed, std::optional<int32_t> day = std::nullopt);

}  // namespace patrol::services
