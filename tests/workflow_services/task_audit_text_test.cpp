// auditTask() writes its JSON as text; auditTaskPlainly() builds the same event from Poco objects
// through recordChange(). Both are run on the same rows and must record the same bytes: the task
// before and after, every kind of extra value, and the row state with progress reports, evidence,
// extension requests and notices.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>

#include <sstream>

#include "core/services/evidence_store.hpp"
#include "core/services/record_json.hpp"
#include "core/services/task_audit.hpp"
#include "core/services/task_service.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/task_repository.hpp"
#include "core/store/transaction.hpp"
#include "world.hpp"

namespace {

// The last two events' contents: what auditTask and then auditTaskPlainly appended.
std::pair<store::AuditEvent, store::AuditEvent> lastTwo(World& w) {
    const auto events = store::listAuditEvents(w.db, {});
    REQUIRE(events.size() >= 2);
    return {events[events.size() - 2], events.back()};
}

void checkBothWritersAgree(World& w, const std::string& action, const std::optional<store::TaskRecord>& before,
                           const store::TaskRecord& after, const Poco::JSON::Object::Ptr& extra) {
    store::Transaction tx(w.db);
    auditTask(w.db, w.unitA, action, before, after, extra);
    auditTaskPlainly(w.db, w.unitA, action, before, after, extra);
    const auto [text, plain] = lastTwo(w);
    CHECK(text.content.action == plain.content.action);
    CHECK(text.content.entity == plain.content.entity);
    CHECK(text.content.entityId == plain.content.entityId);
    CHECK(text.content.actor == plain.content.actor);
    CHECK(text.content.before == plain.content.before);
    CHECK(text.content.after == plain.content.after);
    tx.commit();
}

}  // namespace

TEST_CASE("the task audit written as text matches the one built from Poco objects, byte for byte", "[audit]") {
    World w;
    w.round("R1", "2026-01-05");
    w.finding("R1", "UA", "四风");
    const auto tasks = w.feedBack("R1", "2026-02-12").tasks;
    REQUIRE(!tasks.empty());
    const int64_t id = tasks[0].id;
    planTask(w.db, w.unitA, id, "退还\"礼品\"/礼金\n修订\\制度\t", "李明", "王强", day("2026-02-13"));
    EvidenceStore evidence((w.dir / "data").string(), 1000);
    std::istringstream bytes("发票扫描件");
    reportProgress(w.db, w.unitA, id, {40, "已退还部分礼金 </script>", {{"发票 \"1\".pdf", &bytes, 15, "发票 \"1\".pdf"}}, day("2026-02-20")},
                   evidence);
    reportProgress(w.db, w.unitA, id, {60, "第二次", {}, day("2026-02-21")}, evidence);
    requestExtension(w.db, w.unitA, id, day("2026-12-31"), "需等待审计结论", day("2026-02-23"));
    const auto task = *store::findTaskById(w.db, id);
    REQUIRE(task.measure);

    // Every kind of value an extra carries: text needing escapes, numbers, an empty array, an
    // array of objects, a nested object, true, a fraction and null.
    auto extra = jsonObject();
    extra->set("progress_id", Poco::Int64(7));
    extra->set("percent", 40);
    extra->set("note", std::string("引号\" 斜杠/ 反斜杠\\ 换行\n 控制\x01"));
    extra->set("evidence", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
    auto file = jsonObject();
    file->set("name", std::string("a/b.pdf"));
    file->set("size", Poco::Int64(15));
    files->add(file);
    extra->set("files", files);
    auto nested = jsonObject();
    nested->set("z", 1);
    nested->set("a", std::string("乙"));
    extra->set("nested", nested);
    extra->set("flag", true);
    extra->set("ratio", 0.25);
    extra->set("nothing", Poco::Dynamic::Var());

    checkBothWritersAgree(w, "task.progress", task, task, extra);
    checkBothWritersAgree(w, "task.plan", tasks[0], task, nullptr);
    checkBothWritersAgree(w, "task.create", std::nullopt, tasks[0], nullptr);

    // A task without its row (the row state is left out by both) and one with no child rows.
    store::TaskRecord missing = task;
    missing.id = 999999;
    checkBothWritersAgree(w, "task.return", task, missing, extra);
    if (tasks.size() > 1) checkBothWritersAgree(w, "task.plan", tasks[1], tasks[1], nullptr);
    CHECK(store::verifyAuditChain(w.db).firstBrokenId == std::nullopt);
}

TEST_CASE("a progress report's audit event carries the row state audit verify compares", "[audit]") {
    World w;
    w.round("R1", "2026-01-05");
    w.finding("R1", "UA", "四风");
    const int64_t id = w.feedBack("R1", "2026-02-12").tasks.at(0).id;
    planTask(w.db, w.unitA, id, "整改", "李明", "王强", day("2026-02-13"));
    EvidenceStore evidence((w.dir / "data").string(), 1000);
    reportProgress(w.db, w.unitA, id, {50, "进展", {}, day("2026-02-20")}, evidence);
    const auto events = store::listAuditEvents(w.db, {});
    const auto& last = events.back();
    CHECK(last.content.action == "task.progress");
    REQUIRE(last.content.after);
    const std::string& after = *last.content.after;
    CHECK(after.find(",\"evidence\":[],\"note\":\"进展\",\"percent\":50,\"progress_id\":1,\"reported_on\":\"2026-02-20\","
                     "\"rows\":{\"rectification_tasks\":{\"id\":" + std::to_string(id) + ",") != std::string::npos);
    CHECK(after.find("\"progress_reports\":[{\"id\":1,\"task_id\":" + std::to_string(id) + ",") != std::string::npos);
    const std::string end = "\"extension_requests\":[],\"notices\":[]}}";
    CHECK(after.substr(after.size() - end.size()) == end);
}
