// GET /api/v1/me: who the credentials belong to.
#include "core/api/api_routes.hpp"
#include "core/domain/role.hpp"
#include "core/http/exchange.hpp"
#include "core/services/record_json.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::api {

namespace {

http::Reply me(http::Exchange& ex) {
    const auto& actor = ex.actor();
    auto o = services::jsonObject();
    o->set("name", actor.name);
    o->set("role", std::string(domain::roles.code(actor.role)));
    std::optional<std::string> unit;
    if (actor.unitId)
        if (const auto record = store::findUnitById(ex.db(), *actor.unitId)) unit = record->code;
    o->set("unit", services::orNull(unit));
    return http::Reply::json(o);
}

}  // namespace

void addMeRoutes(http::Router& router) { router.add("GET", "/api/v1/me", me); }

}  // namespace patrol::api
