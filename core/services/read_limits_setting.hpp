// The dataset reader's limits from the settings data.max_field_bytes, data.max_line_bytes and
// data.max_listed_rejects, checked to be in range.
#pragma once

#include "core/data/read_limits.hpp"
#include "core/services/settings.hpp"

namespace patrol::services {

// UserError naming the key when a value is out of range.
data::ReadLimits readLimits(const Settings& settings);

}  // namespace patrol::services
