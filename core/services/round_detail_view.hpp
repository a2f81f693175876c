// The view of one round with its stages, targets, team and finding counts (round show,
// GET /api/v1/rounds/{code}).
#pragma once

#include <Poco/JSON/Object.h>

#include "core/services/round_service.hpp"

namespace patrol::services {

// The round's view plus stage_dates, targets, team and finding_counts as the actor may see them.
Poco::JSON::Object::Ptr roundDetailView(const RoundDetail& detail);

}  // namespace patrol::services
