#include "core/services/round_detail_view.hpp"

#include <Poco/JSON/Array.h>

#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"

namespace patrol::services {

Poco::JSON::Object::Ptr roundDetailView(const RoundDetail& d) {
    auto o = roundView(d.round);
    auto stages = jsonObject();
    for (const auto& [stage, date] : d.stageDates) stages->set(stage, date);
    o->set("stage_dates", stages);
    Poco::JSON::Array::Ptr targets = new Poco::JSON::Array;
    for (const auto& u : d.targets) targets->add(unitView(u));
    o->set("targets", targets);
    Poco::JSON::Array::Ptr team = new Poco::JSON::Array;
    for (const auto& m : d.team) {
        auto member = jsonObject();
        member->set("user", m.name);
        member->set("is_leader", m.isLeader);
        team->add(member);
    }
    o->set("team", team);
    auto counts = jsonObject();
    for (const auto& [status, n] : d.findingCounts) counts->set(status, n);
    o->set("finding_counts", counts);
    return o;
}

}  // namespace patrol::services
