// Who is acting: unknown and revoked names are refused, and API tokens are kept only as salted
// hashes — nowhere in the database file, its journal or the audit log.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/services/audit_service.hpp"
#include "core/digest/sha256.hpp"
#include "hidden_world.hpp"

using namespace security;

namespace {

std::string fileBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool isLowerHex(const std::string& text) {
    return text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

TEST_CASE("an unknown or revoked user name is refused", "[security][identity]") {
    World w;
    CHECK(refusal([&] { actorByName(w.db, "冒名者"); }) ==
          "用户「冒名者」不存在。");
    revokeUser(w.db, w.admin, "甲联系人");
    CHECK(refusal([&] { actorByName(w.db, "甲联系人"); }) ==
          "用户「甲联系人」的访问权限已被撤销，不能再操作。如需恢复，请管理员恢复其访问权限。");
    // The local administrator stands in only while nobody named admin is registered.
    CHECK(actorByName(w.db, "admin").role == domain::Role::Admin);
    addUser(w.db, w.admin, {"admin", "unit", std::string("UA"), {}});
    CHECK(actorByName(w.db, "admin").role == domain::Role::Unit);
    revokeUser(w.db, w.admin, "admin");
    CHECK(refusal([&] { actorByName(w.db, "admin"); }) ==
          "用户「admin」的访问权限已被撤销，不能再操作。如需恢复，请管理员恢复其访问权限。");
}

TEST_CASE("tokens are stored only as salted SHA-256 hashes", "[security][identity]") {
    World w;
    const auto first = addUser(w.db, w.admin, {"赵一", "inspector", std::nullopt, {}});
    const auto second = addUser(w.db, w.admin, {"钱二", "inspector", std::nullopt, {}});
    REQUIRE(first.token.size() == 64);
    CHECK(isLowerHex(first.token));
    CHECK(first.token != second.token);

    const auto stored = *store::findUserByName(w.db, "赵一");
    const auto stored2 = *store::findUserByName(w.db, "钱二");
    CHECK(stored.tokenSalt.size() == 32);
    CHECK(isLowerHex(stored.tokenSalt));
    CHECK(stored.tokenSalt != stored2.tokenSalt);
    CHECK(stored.tokenHash == digest::sha256Hex(stored.tokenSalt + first.token));
    CHECK(stored.tokenHash != digest::sha256Hex(first.token));
    CHECK(stored.tokenHash.find(first.token) == std::string::npos);

    // The token is nowhere on disk, and the audit event of the addition carries no secret.
    const std::string onDisk = fileBytes(w.dir / "p.db") + fileBytes(w.dir / "p.db-wal") + fileBytes(w.dir / "p.db-journal");
    CHECK(onDisk.find(first.token) == std::string::npos);
    CHECK(onDisk.find(second.token) == std::string::npos);
    bool sawAddition = false;
    for (const auto& e : auditLog(w.db, w.admin, {std::string("user"), std::nullopt, std::nullopt, std::nullopt})) {
        const std::string text = e.content.after.value_or("") + e.content.before.value_or("");
        CHECK(text.find(first.token) == std::string::npos);
        CHECK(text.find(stored.tokenHash) == std::string::npos);
        CHECK(text.find(stored.tokenSalt) == std::string::npos);
        sawAddition = sawAddition || (e.content.action == "user.add" && e.content.entityId == "赵一");
    }
    CHECK(sawAddition);
}

TEST_CASE("a token authenticates its user until the user is revoked", "[security][identity]") {
    World w;
    const auto added = addUser(w.db, w.admin, {"孙三", "unit", std::string("UB"), {}});
    const auto actor = authenticateToken(w.db, added.token);
    REQUIRE(actor);
    CHECK(actor->name == "孙三");
    CHECK(actor->role == domain::Role::Unit);
    CHECK(actor->unitId == store::findUnitByCode(w.db, "UB")->id);
    std::string wrong = added.token;
    wrong[0] = wrong[0] == '0' ? '1' : '0';
    CHECK_FALSE(authenticateToken(w.db, wrong));
    CHECK_FALSE(authenticateToken(w.db, added.token.substr(0, 63)));
    CHECK_FALSE(authenticateToken(w.db, store::findUserByName(w.db, "孙三")->tokenHash));  // the hash is no token
    revokeUser(w.db, w.admin, "孙三");
    CHECK_FALSE(authenticateToken(w.db, added.token));
}
