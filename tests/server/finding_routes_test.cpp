// /api/v1/findings over real HTTP: the filters of `finding list` with paging, what a unit user
// may see of a finding, adding and deciding one, and bulk decisions all or none.
#include <catch2/catch.hpp>

#include "core/store/finding_repository.hpp"
#include "core/store/statement.hpp"
#include "http_call.hpp"
#include "json_body.hpp"
#include "served_world.hpp"
#include "server_process.hpp"

using namespace patrol::testing;

namespace {

std::string error(const std::string& code, const std::string& message, const std::string& field = "") {
    return R"({"error":{"code":")" + code + R"(","message":")" + message + "\"" +
           (field.empty() ? std::string() : R"(,"field":")" + field + "\"") + "}}";
}

// "5:suspected,7:suspected": the stored status of each finding, read from the file itself.
std::string storedStatuses(patrol::store::Database& db, const std::vector<int64_t>& ids) {
    std::string out;
    for (const int64_t id : ids)
        out += (out.empty() ? "" : ",") + std::to_string(id) + ":" + patrol::store::findFindingById(db, id)->status;
    return out;
}

int64_t auditEvents(patrol::store::Database& db) {
    return *db.prepare("SELECT count(*) FROM audit_events").first([](const patrol::store::Statement& st) { return st.integer(0); });
}

}  // namespace

TEST_CASE("findings list with the filters of finding list, page by cursor, and hide transfers from unit users", "[server][findings]") {
    ServedWorld w;
    ServerProcess server(w.path());
    const auto admin = w.token(Caller::Admin);
    const std::string all = std::to_string(w.fA1) + "," + std::to_string(w.fB1) + "," + std::to_string(w.fAd) + "," +
                            std::to_string(w.fA2) + "," + std::to_string(w.fA2s) + "," + std::to_string(w.fB3);
    REQUIRE(all == "1,2,3,4,5,6");

    // Three pages of two, each continuing where the previous one's next_cursor says.
    auto page = get(server.port(), "/api/v1/findings?limit=2", admin);
    REQUIRE(page.status == 200);
    CHECK(itemsField(page.body, "id") == "1,2");
    CHECK(nextCursor(page.body) == "2");
    page = get(server.port(), "/api/v1/findings?limit=2&cursor=2", admin);
    CHECK(itemsField(page.body, "id") == "3,4");
    CHECK(nextCursor(page.body) == "4");
    page = get(server.port(), "/api/v1/findings?limit=2&cursor=4", admin);
    CHECK(itemsField(page.body, "id") == "5,6");
    CHECK(nextCursor(page.body) == "null");

    CHECK(itemsField(get(server.port(), "/api/v1/findings?unit=UB", admin).body, "id") == "2,6");
    CHECK(itemsField(get(server.port(), "/api/v1/findings?round=R1&status=dismissed", admin).body, "id") == "3");
    CHECK(itemsField(get(server.port(), "/api/v1/findings?round=R2&status=suspected", w.token(Caller::OtherInspector)).body, "id") ==
          "5");
    // 张组长 sees R1's findings only; a round he may not see reads as one that does not exist.
    CHECK(itemsField(get(server.port(), "/api/v1/findings", w.token(Caller::Inspector)).body, "id") == "1,2,3");
    const auto hidden = get(server.port(), "/api/v1/findings?round=R2", w.token(Caller::Inspector));
    CHECK(hidden.status == 404);
    CHECK(hidden.body == error("not_found", "巡察轮次「R2」不存在。请检查轮次编码。"));

    // 甲联系人 sees UA's fed-back finding and never learns it was transferred as a clue.
    const auto unit = get(server.port(), "/api/v1/findings", w.token(Caller::UnitA));
    REQUIRE(unit.status == 200);
    CHECK(itemsField(unit.body, "id") == "1");
    CHECK(unit.body.find("transferred") == std::string::npos);
    const auto shownToUnit = get(server.port(), "/api/v1/findings/1", w.token(Caller::UnitA));
    CHECK(shownToUnit.status == 200);
    CHECK(shownToUnit.body.find("transferred") == std::string::npos);
    CHECK(jsonBody(shownToUnit.body)->getValue<std::string>("status") == "fed_back");
    CHECK(jsonBody(get(server.port(), "/api/v1/findings/1", admin).body)->getValue<bool>("transferred"));

    const auto badStatus = get(server.port(), "/api/v1/findings?status=open", admin);
    CHECK(badStatus.status == 422);
    CHECK(badStatus.body == error("invalid_input",
                                  "参数 status：未知的问题状态「open」：应为 suspected（疑似）、confirmed（已确认）、dismissed（已排除）、"
                                  "fed_back（已反馈）、rectifying（整改中）、rectified（已整改）、closed（已销号） 之一，请改用其中一个。",
                                  "status"));
}

TEST_CASE("a finding is added and decided one at a time, with refusals naming the field", "[server][findings]") {
    ServedWorld w;
    ServerProcess server(w.path());
    const auto outsider = w.token(Caller::OtherInspector);

    const auto added = post(server.port(), "/api/v1/findings", outsider,
                            R"({"round":"R2","unit":"UA","category":"四风","title":"超标准公务接待","detail":"三次宴请超标",)"
                            R"("severity":"high","amount":399.96,"people":3,"people_level":"乡科级","kind":"immediate"})");
    REQUIRE(added.status == 201);
    const auto view = jsonBody(added.body);
    CHECK(view->getValue<int64_t>("id") == 7);
    CHECK(view->getValue<std::string>("status") == "confirmed");
    CHECK(view->getValue<std::string>("rectification_kind") == "immediate");
    CHECK(view->getValue<int64_t>("people_count") == 3);
    CHECK(added.body.find(R"("amount":399.96,)") != std::string::npos);
    CHECK(view->getValue<std::string>("created_by") == "局外人");

    const auto noTitle = post(server.port(), "/api/v1/findings", outsider, R"({"round":"R2","unit":"UA","category":"四风"})");
    CHECK(noTitle.status == 422);
    CHECK(noTitle.body == error("invalid_input", "字段 title 不能为空：请求中缺少这个字段。", "title"));
    const auto badSeverity =
        post(server.port(), "/api/v1/findings", outsider, R"({"round":"R2","unit":"UA","category":"四风","title":"t","severity":"huge"})");
    CHECK(badSeverity.status == 422);
    CHECK(badSeverity.body ==
          error("invalid_input", "字段 severity：未知的严重程度「huge」：应为 low（一般）、medium（较重）、high（严重） 之一，请改用其中一个。", "severity"));
    const auto notTarget =
        post(server.port(), "/api/v1/findings", outsider, R"({"round":"R3","unit":"UA","category":"四风","title":"t"})");
    CHECK(notTarget.status == 422);
    CHECK(notTarget.body == error("invalid_input", "单位「甲镇」(UA) 不是巡察轮次 R3 的巡察对象。请先把它列为巡察对象，或检查单位编码。"));

    const std::string suspected = "/api/v1/findings/" + std::to_string(w.fA2s);
    const auto noReason = post(server.port(), suspected + "/dismiss", outsider, "{}");
    CHECK(noReason.status == 422);
    CHECK(noReason.body == error("invalid_input", "字段 reason 不能为空：请求中缺少这个字段。", "reason"));
    const auto badDate = post(server.port(), suspected + "/confirm", outsider, R"({"date":"2026-02-30"})");
    CHECK(badDate.status == 422);
    CHECK(jsonBody(badDate.body)->getObject("error")->getValue<std::string>("field") == "date");
    CHECK(storedStatuses(w.db, {w.fA2s}) == "5:suspected");

    const auto dismissed = post(server.port(), suspected + "/dismiss", outsider, R"({"reason":"经核实为正常业务往来"})");
    REQUIRE(dismissed.status == 200);
    CHECK(jsonBody(dismissed.body)->getValue<std::string>("dismissed_reason") == "经核实为正常业务往来");
    const auto again = post(server.port(), suspected + "/confirm", outsider, "{}");
    CHECK(again.status == 409);
    CHECK(again.body == error("conflict", "问题当前状态为「已排除」(dismissed)，不能执行「确认」改为「已确认」(confirmed)："
                                          "只有「疑似」(suspected)状态的问题可以「确认」。"));
    CHECK(storedStatuses(w.db, {w.fA2s}) == "5:dismissed");
}

TEST_CASE("bulk confirm and dismiss decide every listed finding or none, hidden numbers reading as missing", "[server][findings]") {
    ServedWorld w;
    const int64_t more = w.suspected("R2", "UA", "fp-more", w.otherInspector);
    REQUIRE(more == 7);
    ServerProcess server(w.path());
    const auto outsider = w.token(Caller::OtherInspector);
    const int64_t before = auditEvents(w.db);

    // A confirmed finding among suspected ones refuses the batch: 409, nothing written.
    auto answer = post(server.port(), "/api/v1/findings/confirm", outsider, R"({"ids":[5,7,4]})");
    CHECK(answer.status == 409);
    CHECK(answer.body == error("conflict", "问题 #4 当前状态为「已确认」(confirmed)，只有「疑似」(suspected)状态的问题可以「确认」。"
                                           "本批 3 个问题均未确认，没有任何改动；请去掉或改正这个问题后重试。"));

    // A number 局外人 may not see reads exactly like one that does not exist.
    const auto hidden = post(server.port(), "/api/v1/findings/confirm", outsider, R"({"ids":[5,1]})");
    const auto missing = post(server.port(), "/api/v1/findings/confirm", outsider, R"({"ids":[5,999999]})");
    CHECK(hidden.status == 404);
    CHECK(missing.status == 404);
    CHECK(missing.body == error("not_found", "问题 #999999 不存在，或您无权查看。本批 2 个问题均未确认，没有任何改动；请去掉或改正这个问题后重试。"));
    std::string replaced = missing.body;
    replaced.replace(replaced.find("999999"), 6, "1");
    CHECK(hidden.body == replaced);

    // A leader reads the findings but decides none of them.
    answer = post(server.port(), "/api/v1/findings/dismiss", w.token(Caller::Leader), R"({"ids":[5,7],"reason":"无问题"})");
    CHECK(answer.status == 403);
    CHECK(answer.body == error("forbidden", "共有 2 个问题不能排除，第一个：问题 #5：用户「王书记」（领导小组）无权排除问题（巡察轮次 R2）："
                                            "只有管理员和该轮巡察组成员可以这样做。本批 2 个问题均未排除，没有任何改动；请去掉或改正这些问题后重试。"));

    answer = post(server.port(), "/api/v1/findings/dismiss", outsider, R"({"ids":[5,7]})");
    CHECK(answer.status == 422);
    CHECK(answer.body == error("invalid_input", "字段 reason 不能为空：请求中缺少这个字段。", "reason"));
    answer = post(server.port(), "/api/v1/findings/confirm", outsider, R"({"ids":[]})");
    CHECK(answer.status == 422);
    CHECK(answer.body == error("invalid_input", "问题编号列表为空：请列出要确认的问题编号，例如 [12, 13]。", "ids"));
    CHECK(storedStatuses(w.db, {5, 7, 4}) == "5:suspected,7:suspected,4:confirmed");
    CHECK(auditEvents(w.db) == before);

    answer = post(server.port(), "/api/v1/findings/dismiss", outsider, R"({"ids":[7,5],"reason":"经核实为正常业务往来"})");
    REQUIRE(answer.status == 200);
    CHECK(itemsField(answer.body, "id") == "7,5");
    CHECK(itemsField(answer.body, "status") == "dismissed,dismissed");
    CHECK(storedStatuses(w.db, {5, 7}) == "5:dismissed,7:dismissed");
    CHECK(auditEvents(w.db) == before + 2);
}
