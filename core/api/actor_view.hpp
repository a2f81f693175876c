// Who the caller is, as /me and the session endpoints answer it: name, role, unit code.
#pragma once

#include <Poco/JSON/Object.h>

#include "core/services/actor.hpp"
#include "core/store/database.hpp"

namespace patrol::api {

Poco::JSON::Object::Ptr actorView(store::Database& db, const services::Actor& actor);

}  // namespace patrol::api
