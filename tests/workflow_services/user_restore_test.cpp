// Revocation undone by an admin with a new token; nobody revokes themselves or the last admin.
#include <catch2/catch.hpp>

#include "core/domain/errors.hpp"
#include "core/store/audit_log.hpp"
#include "world.hpp"

TEST_CASE("a revoked user is restored with a new token and the revoked one stays dead", "[users]") {
    World w;
    const auto added = addUser(w.db, w.admin, {"赵一", "inspector", std::nullopt, {}});
    revokeUser(w.db, w.admin, "赵一");
    CHECK_FALSE(authenticateToken(w.db, added.token));
    CHECK(refusal([&] { restoreUser(w.db, w.inspector, "赵一"); }) ==
          "用户「张组长」（巡察组成员）无权恢复用户：只有巡察办管理员（admin）可以这样做。");
    const auto restored = restoreUser(w.db, w.admin, "赵一");
    CHECK_FALSE(restored.user.revoked);
    CHECK(restored.token.size() == 64);
    CHECK(restored.token != added.token);
    CHECK_FALSE(authenticateToken(w.db, added.token));
    REQUIRE(authenticateToken(w.db, restored.token));
    CHECK(authenticateToken(w.db, restored.token)->name == "赵一");
    CHECK(actorByName(w.db, "赵一").role == domain::Role::Inspector);
    CHECK(refusal([&] { restoreUser(w.db, w.admin, "赵一"); }) == "用户「赵一」的访问权限没有被撤销，无需恢复。");
    CHECK(refusal([&] { restoreUser(w.db, w.admin, "钱二"); }) ==
          "用户「钱二」不存在。请检查姓名。");
    store::AuditFilter users;
    users.entity = "user";
    const auto events = store::listAuditEvents(w.db, users);
    REQUIRE(events.back().content.action == "user.restore");
    CHECK(events.back().content.before->find("\"revoked\":true") != std::string::npos);
    CHECK(events.back().content.after->find("\"revoked\":false") != std::string::npos);
}

TEST_CASE("nobody revokes themselves, nor the last active admin", "[users]") {
    World w;
    addUser(w.db, w.admin, {"李主任", "admin", std::nullopt, {}});
    const Actor li = actorByName(w.db, "李主任");
    CHECK(refusal([&] { revokeUser(w.db, li, "李主任"); }) ==
          "不能撤销自己的访问权限：撤销后您将无法再操作。如确需撤销，请由另一位管理员执行。");
    CHECK(refusal([&] { revokeUser(w.db, w.admin, "李主任"); }) ==
          "用户「李主任」是最后一位有效的管理员（admin），不能撤销：须至少保留一位有效的管理员来管理用户。请先添加另一位管理员，再撤销。");
    addUser(w.db, w.admin, {"王主任", "admin", std::nullopt, {}});
    revokeUser(w.db, li, "王主任");
    CHECK(refusal([&] { revokeUser(w.db, w.admin, "李主任"); }).find("最后一位有效的管理员") != std::string::npos);
    restoreUser(w.db, li, "王主任");
    CHECK(revokeUser(w.db, actorByName(w.db, "王主任"), "李主任").revoked);
}
