// The rectification settings (README "配置项"): days and day counting per kind, the overall
// report's days, the evidence size limit. Read once per command and checked here.
#pragma once

#include <cstdint>
#include <map>

#include "core/domain/rectification_kind.hpp"

namespace patrol::services {

class Settings;

struct KindRule {
    int days = 0;
    domain::DayCounting counting = domain::DayCounting::Natural;
};

struct WorkflowSettings {
    std::map<domain::RectificationKind, KindRule> kinds;
    int reportDays = domain::kDefaultReportDays;
    int64_t evidenceMaxBytes = 20971520;
};

// UserError naming the key when a value is out of range or not one of the allowed words.
WorkflowSettings readWorkflowSettings(const Settings& settings);

}  // namespace patrol::services
