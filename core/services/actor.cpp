#include "core/services/actor.hpp"

#include "core/domain/errors.hpp"
#include "core/store/user_repository.hpp"

namespace patrol::services {

Actor localAdministrator() { return {std::nullopt, "admin", domain::Role::Admin, std::nullopt}; }

Actor actorByName(store::Database& db, const std::string& name) {
    const auto user = store::findUserByName(db, name);
    if (!user) {
        if (name == "admin") return localAdministrator();
        throw NotFound("actor", "用户「" + name + "」不存在。");  // who acts: the front door says how to name them
    }
    if (user->revoked)
        throw Forbidden("用户「" + name + "」的访问权限已被撤销，不能再操作。如需恢复，请管理员恢复其访问权限。",
                        {"user.restore", name});
    return {user->id, user->name, domain::roles.parse(user->role), user->unitId};
}

Actor actorOf(const store::UserRecord& user) {
    return {user.id, user.name, domain::roles.parse(user.role), user.unitId};
}

}  // namespace patrol::services
