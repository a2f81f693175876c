// /api/v1/units: the inspected units (单位), as `patrol unit list|show|add|edit`. A unit user sees
// its own unit only; every other code reads exactly like one that does not exist.
#include "core/api/api_routes.hpp"
#include "core/api/paging.hpp"
#include "core/http/exchange.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"
#include "core/services/unit_service.hpp"

namespace patrol::api {

namespace {

http::Reply listUnits(http::Exchange& ex) {
    return page<store::UnitRecord>(ex, services::listUnits(ex.db(), ex.actor()), [](const auto& u) { return u.id; },
                                   [](const auto& u) { return services::unitView(u); });
}

http::Reply showUnit(http::Exchange& ex) {
    return http::Reply::json(services::unitView(services::requireVisibleUnit(ex.db(), ex.actor(), ex.param("code"))));
}

http::Reply addUnit(http::Exchange& ex) {
    auto body = ex.json();
    services::UnitInput input;
    input.code = body.text("code");
    input.name = body.text("name");
    input.kind = body.text("kind");
    input.parentCode = body.optionalText("parent");
    input.head = body.optionalText("head");
    input.contact = body.optionalText("contact");
    body.finish();
    return http::Reply::json(services::unitView(services::addUnit(ex.db(), ex.actor(), input)), 201);
}

// Only the fields given change; "" clears parent, head or contact. Answers the unit as it now is
// (an edit repeating the record stores and audits nothing).
http::Reply edit(http::Exchange& ex) {
    auto body = ex.json();
    services::UnitEdit change;
    change.name = body.optionalText("name");
    change.kind = body.optionalText("kind");
    change.parentCode = body.optionalText("parent");
    change.head = body.optionalText("head");
    change.contact = body.optionalText("contact");
    body.finish();
    return http::Reply::json(services::unitView(services::editUnit(ex.db(), ex.actor(), ex.param("code"), change).after));
}

}  // namespace

void addUnitRoutes(http::Router& router) {
    router.add("GET", "/api/v1/units", listUnits);
    router.add("POST", "/api/v1/units", addUnit);
    router.add("GET", "/api/v1/units/{code}", showUnit);
    router.add("PATCH", "/api/v1/units/{code}", edit);
}

}  // namespace patrol::api
