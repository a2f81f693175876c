// The user-changeable thresholds of the four_styles rules (defaults in plugin.json).
#pragma once

#include <patrol/sdk/plugin.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace patrol::plugins::four_styles {

struct Settings {
    int64_t receptionPerCapitaFen;  // FS-01 standard per person
    int64_t approvalThresholdFen;   // FS-03 single-approval limit
    std::vector<std::string> keywords;  // FS-04
    int32_t nightStart;             // FS-05, minutes since midnight
    int32_t nightEnd;

    static Settings read(const sdk::Context& context) {
        return {context.moneySetting("reception_per_capita"), context.moneySetting("approval_threshold"),
                context.listSetting("keywords"), context.timeSetting("night_start"), context.timeSetting("night_end")};
    }
};

}  // namespace patrol::plugins::four_styles
