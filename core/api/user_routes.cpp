// /api/v1/users: users for the admin, as `patrol user list|add|revoke|restore`. A token is shown
// once, in the answer that issued it; only its salted hash is kept.
#include "core/api/api_routes.hpp"
#include "core/api/paging.hpp"
#include "core/domain/role.hpp"
#include "core/http/exchange.hpp"
#include "core/services/record_json.hpp"
#include "core/services/user_service.hpp"

namespace patrol::api {

namespace {

Poco::JSON::Object::Ptr userView(const store::UserRecord& u) {
    auto o = services::jsonObject();
    o->set("name", u.name);
    o->set("role", u.role);
    o->set("role_name", domain::roles.labelOf(u.role));
    o->set("unit", services::orNull(u.unitCode));
    o->set("revoked", u.revoked);
    return o;
}

// The user and the token issued to them, the only time it is ever shown.
http::Reply issued(const services::AddedUser& added, int status) {
    auto o = services::jsonObject();
    o->set("user", userView(added.user));
    o->set("token", added.token);
    return http::Reply::json(o, status);
}

http::Reply listUsers(http::Exchange& ex) {
    return page<services::UserView>(ex, services::listUsers(ex.db(), ex.actor()), [](const auto& v) { return v.user.id; },
                                    [](const auto& v) {
                                        auto o = userView(v.user);
                                        Poco::JSON::Array::Ptr conflicts = new Poco::JSON::Array;
                                        for (const auto& code : v.conflictUnits) conflicts->add(code);
                                        o->set("conflicts", conflicts);
                                        return o;
                                    });
}

http::Reply addUser(http::Exchange& ex) {
    auto body = ex.json();
    services::UserInput input;
    input.name = body.text("name");
    input.role = body.text("role");
    input.unitCode = body.optionalText("unit");
    input.conflictUnits = body.texts("conflict");
    body.finish();
    return issued(services::addUser(ex.db(), ex.actor(), input), 201);
}

http::Reply revoke(http::Exchange& ex) {
    auto body = ex.json();
    body.finish();
    return http::Reply::json(userView(services::revokeUser(ex.db(), ex.actor(), ex.param("name"))));
}

http::Reply restore(http::Exchange& ex) {
    auto body = ex.json();
    body.finish();
    return issued(services::restoreUser(ex.db(), ex.actor(), ex.param("name")), 200);
}

}  // namespace

void addUserRoutes(http::Router& router) {
    router.add("GET", "/api/v1/users", listUsers);
    router.add("POST", "/api/v1/users", addUser);
    router.add("POST", "/api/v1/users/{name}/revoke", revoke);
    router.add("POST", "/api/v1/users/{name}/restore", restore);
}

}  // namespace patrol::api
