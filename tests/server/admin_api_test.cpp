// Units and users over the API as the admin keeps them: a token shown once in the answer that
// issued it, a revoked user's token refused on the very next request, units added and edited.
#include <catch2/catch.hpp>

#include "core/services/audit_service.hpp"
#include "http_call.hpp"
#include "served_world.hpp"
#include "server_process.hpp"

using namespace patrol::testing;

namespace {

const std::string kUnauthenticated =
    R"({"error":{"code":"unauthenticated","message":"未登录或登录已失效：请先登录，或在 Authorization 头中提供有效的令牌（Bearer）。"}})";

// The "token" of an answer {"user":{…},"token":"…"}; fails when it is not 64 hex characters.
std::string tokenOf(const std::string& body) {
    const std::string key = R"(,"token":")";
    const size_t at = body.find(key);
    REQUIRE(at != std::string::npos);
    const std::string token = body.substr(at + key.size(), body.size() - at - key.size() - 2);
    CHECK(body.substr(body.size() - 2) == "\"}");
    CHECK(token.size() == 64);
    CHECK(token.find_first_not_of("0123456789abcdef") == std::string::npos);
    return token;
}

}  // namespace

TEST_CASE("a user added over the API gets a token shown once, and it works at once", "[server][admin]") {
    ServedWorld world;
    ServerProcess server(world.path());
    const std::string admin = world.token(Caller::Admin);
    const auto added = post(server.port(), "/api/v1/users", admin, R"({"name":"丙联系人","role":"unit","unit":"UC","conflict":["UA"]})");
    REQUIRE(added.status == 201);
    const std::string user = R"({"name":"丙联系人","role":"unit","role_name":"被巡察单位联系人","unit":"UC","revoked":false})";
    CHECK(added.body.rfind(R"({"user":)" + user + R"(,"token":")", 0) == 0);
    const std::string token = tokenOf(added.body);

    CHECK(get(server.port(), "/api/v1/me", token).body == R"({"name":"丙联系人","role":"unit","unit":"UC"})");
    const auto units = get(server.port(), "/api/v1/units", token);
    CHECK(units.body ==
          R"({"items":[{"code":"UC","name":"丙村","kind":"village","kind_name":"村","parent":null,"head":null,"contact":null}],"next_cursor":null})");

    // Listed with its conflicts, never with its token again.
    const auto listed = get(server.port(), "/api/v1/users?limit=200", world.token(Caller::Leader));
    CHECK(listed.status == 200);
    CHECK(listed.body.find(R"({"name":"丙联系人","role":"unit","role_name":"被巡察单位联系人","unit":"UC","revoked":false,"conflicts":["UA"]})") !=
          std::string::npos);
    CHECK(listed.body.find(token) == std::string::npos);
    CHECK(listed.body.find("token") == std::string::npos);

    const auto again = post(server.port(), "/api/v1/users", admin, R"({"name":"丙联系人","role":"inspector"})");
    CHECK(again.status == 409);
    CHECK(again.body == R"({"error":{"code":"conflict","message":"用户「丙联系人」已存在。请换一个姓名（可加上单位或编号区分）。"}})");
}

TEST_CASE("a revoked user's token is refused on the next request, and restoring issues a new one and the old stays dead",
          "[server][admin]") {
    ServedWorld world;
    ServerProcess server(world.path());
    const std::string admin = world.token(Caller::Admin);
    const std::string old = world.token(Caller::UnitA);
    const std::string name = "/api/v1/users/%E7%94%B2%E8%81%94%E7%B3%BB%E4%BA%BA";  // 甲联系人
    REQUIRE(get(server.port(), "/api/v1/tasks", old).status == 200);

    const auto revoked = post(server.port(), name + "/revoke", admin, "");
    CHECK(revoked.status == 200);
    CHECK(revoked.body == R"({"name":"甲联系人","role":"unit","role_name":"被巡察单位联系人","unit":"UA","revoked":true})");
    const auto refused = get(server.port(), "/api/v1/tasks", old);
    CHECK(refused.status == 401);
    CHECK(refused.body == kUnauthenticated);

    const auto twice = post(server.port(), name + "/revoke", admin, "");
    CHECK(twice.status == 409);
    CHECK(twice.body == R"({"error":{"code":"conflict","message":"用户「甲联系人」的访问权限已经撤销过了，无需再次撤销。"}})");

    const auto restored = post(server.port(), name + "/restore", admin, "");
    CHECK(restored.status == 200);
    CHECK(restored.body.rfind(R"({"user":{"name":"甲联系人","role":"unit","role_name":"被巡察单位联系人","unit":"UA","revoked":false},"token":")", 0) ==
          0);
    const std::string fresh = tokenOf(restored.body);
    CHECK(fresh != old);
    CHECK(get(server.port(), "/api/v1/me", old).status == 401);
    CHECK(get(server.port(), "/api/v1/me", fresh).body == R"({"name":"甲联系人","role":"unit","unit":"UA"})");

    const auto nobody = post(server.port(), "/api/v1/users/%E6%97%A0%E5%90%8D%E6%B0%8F/revoke", admin, "");  // 无名氏
    CHECK(nobody.status == 404);
    CHECK(nobody.body == R"({"error":{"code":"not_found","message":"用户「无名氏」不存在。请检查姓名。"}})");
    const auto self = post(server.port(), "/api/v1/users/%E7%AE%A1%E7%90%86%E5%91%98/revoke", admin, "");  // 管理员
    CHECK(self.status == 409);
    CHECK(self.body ==
          R"({"error":{"code":"conflict","message":"不能撤销自己的访问权限：撤销后您将无法再操作。如确需撤销，请由另一位管理员执行。"}})");
    const auto byLeader = post(server.port(), name + "/revoke", world.token(Caller::Leader), "");
    CHECK(byLeader.status == 403);
    CHECK(byLeader.body == R"({"error":{"code":"forbidden","message":"用户「王书记」（领导小组）无权撤销用户：只有巡察办管理员（admin）可以这样做。"}})");

    // Revocation and restoration are audited as the admin's, and the rows match their events.
    CHECK(patrol::services::verifyAudit(world.db, world.admin).firstBrokenId == std::nullopt);
    CHECK(patrol::services::verifyAuditedData(world.db, world.admin).problems.empty());
    patrol::services::AuditLogFilter ofUsers;
    ofUsers.entity = "user";
    std::vector<std::string> actions;
    for (const auto& e : patrol::services::auditLog(world.db, world.admin, ofUsers))
        if (e.content.entityId == "甲联系人" && e.content.actor == "管理员") actions.push_back(e.content.action);
    CHECK(actions == std::vector<std::string>{"user.revoke", "user.restore"});
}

TEST_CASE("units are added, shown and edited over the API, and a unit user sees its own unit only", "[server][admin]") {
    ServedWorld world;
    ServerProcess server(world.path());
    const std::string admin = world.token(Caller::Admin);
    const auto added = post(server.port(), "/api/v1/units", admin, R"({"code":"UA-1","name":"甲镇一村","kind":"village","parent":"UA"})");
    CHECK(added.status == 201);
    CHECK(added.body == R"({"code":"UA-1","name":"甲镇一村","kind":"village","kind_name":"村","parent":"UA","head":null,"contact":null})");

    const auto edited = call(server.port(), {"PATCH", "/api/v1/units/UA-1", admin, R"({"head":"周建国","contact":"李娜 0571-8800123"})"});
    CHECK(edited.status == 200);
    const std::string now = R"({"code":"UA-1","name":"甲镇一村","kind":"village","kind_name":"村","parent":"UA","head":"周建国","contact":"李娜 0571-8800123"})";
    CHECK(edited.body == now);
    CHECK(get(server.port(), "/api/v1/units/UA-1", world.token(Caller::Inspector)).body == now);

    const auto cleared = call(server.port(), {"PATCH", "/api/v1/units/UA-1", admin, R"({"contact":""})"});
    CHECK(cleared.body == R"({"code":"UA-1","name":"甲镇一村","kind":"village","kind_name":"村","parent":"UA","head":"周建国","contact":null})");

    const auto cycle = call(server.port(), {"PATCH", "/api/v1/units/UA", admin, R"({"parent":"UA-1"})"});
    CHECK(cycle.status == 409);
    CHECK(cycle.body == R"({"error":{"code":"conflict","message":"不能把「UA-1」（甲镇一村）设为单位「UA」的上级单位：它是「UA」的下级单位，这样会形成环。请指定不在「UA」之下的单位。"}})");
    const auto wrongType = call(server.port(), {"PATCH", "/api/v1/units/UA", admin, R"({"head":7})"});
    CHECK(wrongType.status == 400);
    CHECK(wrongType.body == R"({"error":{"code":"wrong_type","message":"字段 head 的类型不对：应为字符串。","field":"head"}})");
    CHECK(get(server.port(), "/api/v1/units/UA", admin).body ==
          R"({"code":"UA","name":"甲镇","kind":"township","kind_name":"乡镇","parent":null,"head":null,"contact":null})");

    const std::string unitA = world.token(Caller::UnitA);
    CHECK(get(server.port(), "/api/v1/units", unitA).body ==
          R"({"items":[{"code":"UA","name":"甲镇","kind":"township","kind_name":"乡镇","parent":null,"head":null,"contact":null}],"next_cursor":null})");
    const auto child = get(server.port(), "/api/v1/units/UA-1", unitA);
    const auto missing = get(server.port(), "/api/v1/units/NOPE", unitA);
    CHECK(child.status == 404);
    CHECK(missing.body == R"({"error":{"code":"not_found","message":"单位「NOPE」不存在。请检查单位编码。"}})");
    CHECK(child.body == R"({"error":{"code":"not_found","message":"单位「UA-1」不存在。请检查单位编码。"}})");

    const auto byInspector = post(server.port(), "/api/v1/units", world.token(Caller::Inspector), R"({"code":"UE","name":"戊局","kind":"department"})");
    CHECK(byInspector.status == 403);
    CHECK(byInspector.body == R"({"error":{"code":"forbidden","message":"用户「张组长」（巡察组成员）无权添加单位：只有巡察办管理员（admin）可以这样做。"}})");
    CHECK(get(server.port(), "/api/v1/units/UE", admin).status == 404);
}
