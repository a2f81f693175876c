// setPassword (declared in auth_service.hpp): the password a person signs in with.
#include "core/domain/errors.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/auth_service.hpp"
#include "core/services/authorization.hpp"
#include "core/services/not_found.hpp"
#include "core/services/password.hpp"
#include "core/services/record_json.hpp"
#include "core/store/session_repository.hpp"
#include "core/store/signin_failure_repository.hpp"
#include "core/store/transaction.hpp"
#include "core/store/user_repository.hpp"

namespace patrol::services {

namespace {

constexpr size_t kPasswordMaxLength = 256;

// Characters, not bytes: a Chinese character counts once.
size_t passwordCharacters(const std::string& text) {
    size_t n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

void checkPassword(const std::string& password, const std::string& name, int minLength) {
    const size_t length = passwordCharacters(password);
    if (length < static_cast<size_t>(minLength))
        throw InvalidInput("password", "密码", "太短：至少需要 " + std::to_string(minLength) + " 个字符，实际只有 " +
                                                   std::to_string(length) + " 个。请换一个更长的密码，例如由几个词组成的一句话。");
    if (length > kPasswordMaxLength)
        throw InvalidInput("password", "密码", "太长：最多 " + std::to_string(kPasswordMaxLength) + " 个字符，实际有 " +
                                                   std::to_string(length) + " 个。请换一个短一些的密码。");
    if (password == name)
        throw InvalidInput("password", "密码", "不能与用户名相同：这样的密码最先被人猜到。请换一个别人猜不到的密码。");
}

store::UserRecord requireSettableUser(store::Database& db, const Actor& actor, const std::string& name) {
    // Decided before looking the name up, so the answer says nothing about who exists.
    if (actor.role != domain::Role::Admin && actor.name != name)
        throw Forbidden(describeActor(actor) + "无权设置用户「" + name +
                        "」的密码：每位用户只能设置自己的密码，为他人设置密码须由巡察办管理员（admin）进行。");
    const auto user = store::findUserByName(db, name);
    if (!user) throw userNotFound(name);
    if (user->revoked)
        throw Conflict("用户「" + name + "」的访问权限已被撤销，不能为其设置密码。请先恢复其访问权限，再设置密码。");
    return *user;
}

}  // namespace

void checkPasswordChange(store::Database& db, const Actor& actor, const std::string& name) {
    requireSettableUser(db, actor, name);
}

void setPassword(store::Database& db, const Actor& actor, const std::string& name, const std::string& password) {
    setPassword(db, actor, name, password, AuthSettings{});
}

void setPassword(store::Database& db, const Actor& actor, const std::string& name, const std::string& password,
                 const AuthSettings& settings) {
    requireSettableUser(db, actor, name);
    checkPassword(password, name, settings.passwordMinLength);
    const std::string hash = hashPassword(password);  // slow: outside the transaction

    store::Transaction tx(db);
    const auto user = requireSettableUser(db, actor, name);
    store::setUserPasswordHash(db, user.id, hash);
    // A new password ends every browser signed in with the old one, and lifts a lock on the name.
    store::deleteSessionsOfUser(db, user.id);
    store::clearSigninFailures(db, name);
    recordChange(db, actor, "user.password", "user", name, userJson(user), userJson(*store::findUserById(db, user.id)));
    tx.commit();
}

}  // namespace patrol::services
