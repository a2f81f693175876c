#include "core/web/colour_ranking.hpp"

#include <algorithm>
#include <tuple>

namespace patrol::web {

std::vector<const services::ColourCounts*> worstUnitsFirst(const std::vector<services::ColourCounts>& units) {
    std::vector<const services::ColourCounts*> order;
    order.reserve(units.size());
    for (const auto& u : units) order.push_back(&u);
    const auto severity = [](const services::ColourCounts& c) {
        using domain::EscalationLevel;
        const auto at = [&c](EscalationLevel level) { return c.byLevel[static_cast<int>(level)]; };
        return std::make_tuple(at(EscalationLevel::Accountability), at(EscalationLevel::Red), at(EscalationLevel::Yellow),
                               c.open());
    };
    std::stable_sort(order.begin(), order.end(), [&](const services::ColourCounts* a, const services::ColourCounts* b) {
        const auto sa = severity(*a), sb = severity(*b);
        return sa != sb ? sa > sb : a->unitCode < b->unitCode;
    });
    return order;
}

}  // namespace patrol::web
