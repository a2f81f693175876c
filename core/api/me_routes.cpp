// GET /api/v1/me: who the credentials belong to.
#include "core/api/actor_view.hpp"
#include "core/api/api_routes.hpp"
#include "core/domain/role.hpp"
#include "core/http/exchange.hpp"
#include "core/services/record_json.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::api {

Poco::JSON::Object::Ptr actorView(store::Database& db, const services::Actor& actor) {
    auto o = services::jsonObject();
    o->set("name", actor.name);
    o->set("role", std::string(domain::roles.code(actor.role)));
    std::optional<std::string> unit;
    if (actor.unitId)
        if (const auto record = store::findUnitById(db, *actor.unitId)) unit = record->code;
    o->set("unit", services::orNull(unit));
    return o;
}

void addMeRoutes(http::Router& router) {
    router.add("GET", "/api/v1/me", [](http::Exchange& ex) { return http::Reply::json(actorView(ex.db(), ex.actor())); });
}

}  // namespace patrol::api
