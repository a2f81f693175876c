#include "core/services/user_service.hpp"

#include "core/domain/errors.hpp"
#include "core/services/not_found.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/authorization.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/record_json.hpp"
#include "core/services/secrets.hpp"
#include "core/services/unit_service.hpp"
#include "core/store/conflict_repository.hpp"
#include "core/store/session_repository.hpp"
#include "core/digest/sha256.hpp"
#include "core/store/transaction.hpp"

namespace patrol::services {

namespace {

constexpr size_t kTokenBytes = 32;        // 64 hex characters
constexpr size_t kTokenLookupChars = 16;  // the indexed part of a token (64 of its 256 bits)

struct IssuedToken {
    std::string token;
    std::string salt;
    std::string hash;
    std::string lookup;
};

// A new token whose look-up no other user has (two alike are as likely as guessing a 64-bit number).
IssuedToken issueToken(store::Database& db) {
    IssuedToken t;
    do {
        t.token = randomHex(kTokenBytes);
        t.lookup = t.token.substr(0, kTokenLookupChars);
    } while (store::findUserByTokenLookup(db, t.lookup));
    t.salt = randomHex(16);
    t.hash = hashToken(t.salt, t.token);
    return t;
}

Poco::JSON::Object::Ptr withConflicts(const store::UserRecord& user, const std::vector<std::string>& conflicts) {
    auto o = userJson(user);
    Poco::JSON::Array::Ptr codes = new Poco::JSON::Array;
    for (const auto& c : conflicts) codes->add(c);
    o->set("conflicts", codes);
    return o;
}

std::vector<std::string> conflictCodes(store::Database& db, int64_t userId) {
    std::vector<std::string> codes;
    for (const auto& c : store::conflictsOfUser(db, userId)) codes.push_back(c.unitCode);
    return codes;
}

store::UserRecord requireUser(store::Database& db, const std::string& name) {
    const auto user = store::findUserByName(db, name);
    if (!user) throw userNotFound(name);
    return *user;
}

size_t activeAdmins(store::Database& db) {
    size_t n = 0;
    for (const auto& u : store::listUsers(db))
        if (!u.revoked && u.role == domain::roles.code(domain::Role::Admin)) ++n;
    return n;
}

}  // namespace

std::string hashToken(const std::string& saltHex, const std::string& token) { return digest::sha256Hex(saltHex + token); }

AddedUser addUser(store::Database& db, const Actor& actor, const UserInput& input) {
    requireAdmin(actor, "添加用户");
    const std::string name = requireLine(input.name, "用户姓名", "name");
    const auto role = domain::roles.parse(input.role);
    if (role == domain::Role::Unit && (!input.unitCode || input.unitCode->empty()))
        throw InvalidInput("unit", "所属单位", "不能为空：被巡察单位联系人（unit 角色）必须指明所属单位的编码。");

    store::Transaction tx(db);
    if (store::findUserByName(db, name)) throw Conflict("用户「" + name + "」已存在。请换一个姓名（可加上单位或编号区分）。");
    std::optional<int64_t> unitId;
    if (input.unitCode && !input.unitCode->empty()) unitId = requireUnit(db, *input.unitCode).id;
    std::vector<int64_t> conflictIds;
    for (const auto& code : input.conflictUnits) conflictIds.push_back(requireUnit(db, code).id);

    AddedUser added;
    const IssuedToken issued = issueToken(db);
    added.token = issued.token;
    const int64_t id =
        store::insertUser(db, {name, std::string(domain::roles.code(role)), unitId, issued.salt, issued.hash, issued.lookup});
    for (const int64_t unit : conflictIds) store::insertConflict(db, id, unit);
    added.user = *store::findUserById(db, id);
    recordChange(db, actor, "user.add", "user", name, nullptr, withConflicts(added.user, conflictCodes(db, id)));
    tx.commit();
    return added;
}

std::vector<UserView> listUsers(store::Database& db, const Actor& actor) {
    requireAdminOrLeader(actor, "查看用户名单");
    std::vector<UserView> out;
    for (auto& user : store::listUsers(db)) {
        auto conflicts = conflictCodes(db, user.id);
        out.push_back({std::move(user), std::move(conflicts)});
    }
    return out;
}

store::UserRecord revokeUser(store::Database& db, const Actor& actor, const std::string& name) {
    requireAdmin(actor, "撤销用户");
    store::Transaction tx(db);
    const auto user = requireUser(db, name);
    if (user.revoked) throw Conflict("用户「" + name + "」的访问权限已经撤销过了，无需再次撤销。");
    if (actor.userId && *actor.userId == user.id)
        throw Conflict("不能撤销自己的访问权限：撤销后您将无法再操作。如确需撤销，请由另一位管理员执行。");
    if (user.role == domain::roles.code(domain::Role::Admin) && activeAdmins(db) == 1)
        throw Conflict("用户「" + name + "」是最后一位有效的管理员（admin），不能撤销：须至少保留一位有效的管理员来管理"
                        "用户。请先添加另一位管理员，再撤销。");
    store::markUserRevoked(db, user.id);
    store::deleteSessionsOfUser(db, user.id);  // signed-in browsers end with the token, at once
    const auto after = *store::findUserById(db, user.id);
    recordChange(db, actor, "user.revoke", "user", name, userJson(user), userJson(after));
    tx.commit();
    return after;
}

AddedUser restoreUser(store::Database& db, const Actor& actor, const std::string& name) {
    requireAdmin(actor, "恢复用户");
    store::Transaction tx(db);
    const auto user = requireUser(db, name);
    if (!user.revoked) throw Conflict("用户「" + name + "」的访问权限没有被撤销，无需恢复。");
    AddedUser restored;
    const IssuedToken issued = issueToken(db);
    restored.token = issued.token;
    store::markUserRestored(db, user.id, issued.salt, issued.hash, issued.lookup);
    restored.user = *store::findUserById(db, user.id);
    recordChange(db, actor, "user.restore", "user", name, userJson(user), userJson(restored.user));
    tx.commit();
    return restored;
}

// The same work for every token: one indexed look-up by its first characters and one salted
// hash compared in constant time (against a decoy when nobody has that look-up). Tokens issued
// before schema v4 have no look-up; those few rows are compared one by one on every call, until
// restoring the user issues a token with a look-up.
std::optional<Actor> authenticateToken(store::Database& db, const std::string& token) {
    if (!isHex(token, kTokenBytes * 2)) return std::nullopt;
    static const std::string decoySalt = randomHex(16);
    const auto candidate = store::findUserByTokenLookup(db, token.substr(0, kTokenLookupChars));
    const std::string hash = hashToken(candidate ? candidate->tokenSalt : decoySalt, token);
    std::optional<store::UserRecord> found;
    if (sameSecret(hash, candidate ? candidate->tokenHash : std::string(hash.size(), '-'))) found = candidate;
    for (auto& legacy : store::listUsersWithoutTokenLookup(db))
        if (sameSecret(hashToken(legacy.tokenSalt, token), legacy.tokenHash) && !found) found = std::move(legacy);
    if (!found || found->revoked) return std::nullopt;
    return actorOf(*found);
}

}  // namespace patrol::services
