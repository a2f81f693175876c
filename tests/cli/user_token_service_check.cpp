// authenticateToken: the token printed by `user add` identifies its user until revoked.
#include <catch2/catch.hpp>

#include "core/services/user_service.hpp"
#include "core/store/database.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol;
using namespace patrol::services;

TEST_CASE("a user's token authenticates them until the user is revoked") {
    testing::ScratchDir dir;
    auto db = store::Database::open(dir.file("u.db"));
    const Actor admin = localAdministrator();
    const auto added = addUser(db, admin, {"张丽", "inspector", std::nullopt, {}});
    REQUIRE(added.token.size() == 64);
    CHECK(added.user.tokenHash == hashToken(added.user.tokenSalt, added.token));

    const auto actor = authenticateToken(db, added.token);
    REQUIRE(actor);
    CHECK(actor->name == "张丽");
    CHECK(actor->role == domain::Role::Inspector);
    CHECK(actor->userId == added.user.id);

    std::string wrong = added.token;
    wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
    CHECK_FALSE(authenticateToken(db, wrong));
    CHECK_FALSE(authenticateToken(db, "short"));

    const auto other = addUser(db, admin, {"刘芳", "inspector", std::nullopt, {}});
    CHECK(other.token != added.token);
    CHECK(other.user.tokenSalt != added.user.tokenSalt);

    revokeUser(db, admin, "张丽");
    CHECK_FALSE(authenticateToken(db, added.token));
    CHECK(authenticateToken(db, other.token)->name == "刘芳");
}

TEST_CASE("only an admin adds users") {
    testing::ScratchDir dir;
    auto db = store::Database::open(dir.file("u.db"));
    addUser(db, localAdministrator(), {"刘芳", "inspector", std::nullopt, {}});
    const Actor inspector = actorByName(db, "刘芳");
    CHECK_THROWS_WITH(addUser(db, inspector, {"张丽", "inspector", std::nullopt, {}}),
                      "用户「刘芳」（巡察组成员）无权添加用户：只有巡察办管理员（admin）可以这样做。");
}
