// Which units the dashboard's colour table shows first. With hundreds of units a leader cannot
// read them all on one page (nor should a phone download them): the dashboard shows the units in
// the worst state and links to the full list, paged, in the same order.
#pragma once

#include <vector>

#include "core/services/statistics.hpp"

namespace patrol::web {

// Worst first: more 问责 tasks, then more 红, then more 黄, then more open tasks in all; units
// alike in all of these by unit code.
std::vector<const services::ColourCounts*> worstUnitsFirst(const std::vector<services::ColourCounts>& units);

}  // namespace patrol::web
