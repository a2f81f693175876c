// API tokens: found by their first 16 characters and one salted hash; tokens issued before
// schema v4 still work; revoking ends them, restoring issues one with a look-up.
#include "auth/desk.hpp"

using namespace auth_test;

TEST_CASE("a token is stored with its first 16 characters as look-up, besides its salted hash") {
    Desk d;
    const auto added = addUser(d.db, d.admin, {"刘芳", "leader", std::nullopt, {}});
    CHECK(added.user.tokenLookup == std::optional<std::string>(added.token.substr(0, 16)));
    CHECK(d.scalar("SELECT token_lookup FROM users WHERE name = '刘芳'") == added.token.substr(0, 16));
    CHECK(d.scalar("SELECT token_hash FROM users WHERE name = '刘芳'") == hashToken(added.user.tokenSalt, added.token));
    CHECK(d.scalar("SELECT count(*) FROM users WHERE token_lookup IS NULL") == "0");
    const auto actor = authenticateToken(d.db, added.token);
    REQUIRE(actor);
    CHECK(actor->name == "刘芳");
    CHECK(actor->role == domain::Role::Leader);

    // The right look-up with a wrong rest, wrong case, or not hex at all: nobody.
    std::string wrongTail = added.token;
    wrongTail[40] = wrongTail[40] == 'a' ? 'b' : 'a';
    CHECK_FALSE(authenticateToken(d.db, wrongTail));
    std::string upper = added.token;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper != added.token) CHECK_FALSE(authenticateToken(d.db, upper));
    CHECK_FALSE(authenticateToken(d.db, added.token.substr(0, 16) + std::string(48, 'z')));
    CHECK_FALSE(authenticateToken(d.db, added.token + "0"));
    CHECK_FALSE(authenticateToken(d.db, ""));
}

TEST_CASE("a token from before v4 still authenticates, and restoring gives its user a token with a look-up") {
    testing::ScratchDir dir;
    const std::string path = dir.file("v3.db");
    testing::rawExec(path, testing::readText(PATROL_SOURCE_DIR "/tests/store/fixtures/patrol-v3.sql"));
    auto db = store::Database::open(path);
    const std::string zhangToken = "b09c0069ef8ced0675239bfad2d6b671fa7172a564f8f3e227a39930539077c5";
    const auto zhang = authenticateToken(db, zhangToken);
    REQUIRE(zhang);
    CHECK(zhang->name == "张丽");
    std::string wrong = zhangToken;
    wrong[63] = '0';
    CHECK_FALSE(authenticateToken(db, wrong));

    // 赵敏 was revoked under v3; restored now, her new token has a look-up and the old rows stay legacy.
    const auto restored = restoreUser(db, localAdministrator(), "赵敏");
    CHECK(restored.user.tokenLookup == std::optional<std::string>(restored.token.substr(0, 16)));
    CHECK(authenticateToken(db, restored.token)->name == "赵敏");
    CHECK(authenticateToken(db, zhangToken)->name == "张丽");
    CHECK(testing::rawScalar(path, "SELECT group_concat(name) FROM users WHERE token_lookup IS NULL") == "张丽");

    revokeUser(db, localAdministrator(), "张丽");
    CHECK_FALSE(authenticateToken(db, zhangToken));
}
