// The database and the acting user of one command run.
#pragma once

#include "core/cli/app.hpp"
#include "core/services/actor.hpp"
#include "core/services/open_database.hpp"

namespace patrol::cli {

struct Session {
    store::Database db;
    services::Actor actor;
};

// Opens (creating or upgrading) the configured database and resolves --user / PATROL_USER.
inline Session openSession(const Invocation& inv) {
    store::Database db = services::openDatabase(inv.app.settings());
    services::Actor actor = services::actorByName(db, inv.app.actorName());
    return {std::move(db), std::move(actor)};
}

}  // namespace patrol::cli
