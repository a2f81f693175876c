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

// Opens (upgrading if older) the configured database; one that does not exist is refused,
// naming the command that creates it.
inline store::Database openExistingDatabase(const Invocation& inv) {
    try {
        return services::openDatabase(inv.app.settings(), services::IfMissing::Refuse);
    } catch (const services::DatabaseNotFound& e) {
        throw UserError("数据库 " + e.path() + " 不存在。请先运行 patrol init --db " + e.path() + " 创建，或检查路径。");
    }
}

// Opens the existing database and resolves --user / PATROL_USER.
inline Session openSession(const Invocation& inv) {
    store::Database db = openExistingDatabase(inv);
    services::Actor actor = services::actorByName(db, inv.app.actorName());
    return {std::move(db), std::move(actor)};
}

}  // namespace patrol::cli
