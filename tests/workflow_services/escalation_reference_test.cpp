// escalate() (prepared before the lock, written in batches) against escalatePlainly() (one task at
// a time through the single-change pieces): on two identical counties, every run must give the
// same rises, the same task, notice and record rows, the same audit events and the same history
// views, and `audit verify` must pass on both.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>

#include <cstdlib>
#include <sstream>

#include "core/services/escalation_service.hpp"
#include "core/services/evidence_store.hpp"
#include "core/services/json_text.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"
#include "core/services/task_audit.hpp"
#include "core/services/task_history_view.hpp"
#include "core/services/task_service.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/audited_rows.hpp"
#include "core/store/audited_rows_check.hpp"
#include "core/store/clock.hpp"
#include "core/store/transaction.hpp"
#include "world.hpp"

namespace {

// Notices carry the time they were written: both counties live on the same fixed day.
struct FixedToday {
    FixedToday() { setenv(store::kFixedTodayVariable, "2026-03-20", 1); }
    ~FixedToday() { unsetenv(store::kFixedTodayVariable); }
};

// Tasks in every state escalation looks at: planned with handler and leader, never planned (the
// contact or head stands in), returned once, with a progress report and an extension request, a
// measure whose text needs JSON escapes, a unit with a head and one without, and a round whose
// team 张组长 is not on.
void buildCounty(World& w) {
    addUnit(w.db, w.admin, {"UC", "丙乡", "township", std::nullopt, std::string("赵乡长"), std::string("钱干事 13800000000")});
    w.round("R1", "2026-01-05");
    addRoundTargets(w.db, w.admin, "R1", {"UC"});
    for (const char* unit : {"UA", "UB", "UC"}) {
        w.finding("R1", unit, "四风");
        w.finding("R1", unit, "形式主义", std::string("deadline"));
    }
    createRound(w.db, w.admin, {"R2", "第R2轮", "regular", "2026-01-06", "2026-12-31", std::nullopt, {}, std::nullopt});
    addRoundTargets(w.db, w.admin, "R2", {"UA", "UC"});
    addRoundTeam(w.db, w.admin, "R2", {"局外人"}, std::string("局外人"));
    w.finding("R2", "UA", "四风", std::nullopt, &w.otherInspector);
    w.finding("R2", "UC", "四风", std::nullopt, &w.otherInspector);
    const auto tasks = w.feedBack("R1", "2026-02-12").tasks;
    w.feedBack("R2", "2026-02-20");
    REQUIRE(tasks.size() == 6);
    planTask(w.db, w.unitA, tasks[0].id, "退还\"礼品\"/礼金\n修订\\制度", "李明", "王强", day("2026-02-13"));
    planTask(w.db, w.unitB, tasks[2].id, "整改", "孙强", "周伟", day("2026-02-13"));
    planTask(w.db, w.admin, tasks[4].id, "整改", "吴敏", "郑华", day("2026-02-13"));
    EvidenceStore evidence((w.dir / "data").string(), 1000);
    reportProgress(w.db, w.unitA, tasks[0].id, {40, "已退还部分礼金", {}, day("2026-02-20")}, evidence);
    reportProgress(w.db, w.unitB, tasks[2].id, {100, "完成", {}, day("2026-02-21")}, evidence);
    submitTask(w.db, w.unitB, tasks[2].id, day("2026-02-21"));
    returnTask(w.db, w.inspector, tasks[2].id, "材料不全", day("2026-02-22"));
    requestExtension(w.db, w.unitA, tasks[1].id, day("2026-12-31"), "需等待审计结论", day("2026-02-23"));
}

std::string rowsText(World& w, const char* table, const char* order = "id") {
    std::string out;
    for (const auto& row : store::readStoredRows(w.db, table, "", std::nullopt, order))
        out += jsonText(store::storedRowJson(row)) + "\n";
    return out;
}

int64_t lastEventId(World& w) {
    auto st = w.db.prepare("SELECT coalesce(max(id), 0) FROM audit_events");
    st.step();
    return st.integer(0);
}

// The events after `since`, without what only the moment of writing decides (time and hashes).
std::string eventsText(World& w, int64_t since) {
    std::string out;
    for (const auto& e : store::listAuditEvents(w.db, {})) {
        if (e.id <= since) continue;
        out += std::to_string(e.id) + " " + e.content.actor + " " + std::to_string(e.content.actorId.value_or(-1)) + " " +
               e.content.action + " " + e.content.entity + " " + e.content.entityId + "\n" +
               e.content.before.value_or("(none)") + "\n" + e.content.after.value_or("(none)") + "\n";
    }
    return out;
}

// Every task's history view (task show --format json), without the events' times.
std::string historiesText(World& w) {
    std::string out;
    for (const auto& task : store::listTasks(w.db, {})) {
        auto view = taskHistoryView(showTask(w.db, w.admin, task.id));
        Poco::JSON::Array::Ptr history = view->getArray("history");
        for (size_t i = 0; i < history->size(); ++i) history->getObject(static_cast<unsigned>(i))->remove("at");
        out += jsonText(view) + "\n";
    }
    return out;
}

std::string verifyText(World& w) {
    const auto report = store::verifyAuditedRows(w.db);
    std::string out = std::to_string(report.rowsChecked) + " rows\n";
    for (const auto& p : report.problems) out += p + "\n";
    for (const auto& p : report.warnings) out += p + "\n";
    return out;
}

std::string risesText(const std::vector<LevelRise>& rises) {
    std::string out;
    for (const auto& r : rises) {
        const auto& n = r.notice;
        out += std::to_string(r.task.id) + " " + r.task.unitCode + " " + r.task.dueDate + " " + r.task.status + " " +
               std::to_string(static_cast<int>(r.from)) + "→" + std::to_string(static_cast<int>(r.to)) + " " + std::to_string(r.daysLeft) + " " +
               recipientsJson(r.recipients) + "\n  #" + std::to_string(n.id) + " " + std::to_string(n.taskId.value_or(-1)) +
               " " + n.level + " " + n.recipients + " " + n.message + " " + n.asOf + " " + n.createdAt + " " +
               std::to_string(n.findingId.value_or(-1)) + " " + std::to_string(n.roundId.value_or(-1)) + " " +
               n.roundCode.value_or("-") + " " + std::to_string(n.unitId.value_or(-1)) + " " + n.unitCode.value_or("-") +
               " " + n.unitName.value_or("-") + "\n";
    }
    return out;
}

void compareRuns(World& batched, World& plain, const Actor& batchedActor, const Actor& plainActor,
                 const std::vector<const char*>& dates) {
    size_t risen = 0;
    for (const char* asOf : dates) {
        INFO(asOf);
        const int64_t batchedSince = lastEventId(batched), plainSince = lastEventId(plain);
        REQUIRE(batchedSince == plainSince);
        const auto fast = escalate(batched.db, batchedActor, day(asOf));
        const auto reference = escalatePlainly(plain.db, plainActor, day(asOf));
        risen += reference.size();
        CHECK(risesText(fast) == risesText(reference));
        CHECK(rowsText(batched, "rectification_tasks") == rowsText(plain, "rectification_tasks"));
        CHECK(rowsText(batched, "notices") == rowsText(plain, "notices"));
        CHECK(rowsText(batched, "escalation_records", "notice_id") == rowsText(plain, "escalation_records", "notice_id"));
        CHECK(historiesText(batched) == historiesText(plain));
        const std::string verified = verifyText(plain);
        CHECK(verified.find("\n") == verified.size() - 1);  // no problem, no warning
        CHECK(verifyText(batched) == verified);
        CHECK(eventsText(batched, batchedSince) == eventsText(plain, plainSince));
        CHECK(lastEventId(batched) == batchedSince + (fast.empty() ? 0 : 1));  // one event per run
        CHECK(store::verifyAuditChain(batched.db).firstBrokenId == std::nullopt);
        CHECK(store::verifyAuditChain(plain.db).firstBrokenId == std::nullopt);
    }
    CHECK(risen > 0);  // the comparison saw rises, not only empty runs
}

}  // namespace

TEST_CASE("escalate gives the rows, notices, events and rises of the one-by-one reference", "[escalation]") {
    FixedToday today;
    World batched, plain;
    buildCounty(batched);
    buildCounty(plain);
    compareRuns(batched, plain, batched.admin, plain.admin,
                {"2026-03-01", "2026-03-25", "2026-03-25", "2026-04-05", "2026-04-20", "2026-06-01", "2027-02-01"});
    // Every open task reached 问责建议 and says so in the audit log.
    CHECK(rowsText(batched, "notices").find("问责建议") != std::string::npos);
    // The histories compared hold the rises.
    CHECK(historiesText(batched).find("\"action\":\"task.escalate\"") != std::string::npos);
}

TEST_CASE("an inspector's escalate matches the reference on the rounds of their team only", "[escalation]") {
    FixedToday today;
    World batched, plain;
    buildCounty(batched);
    buildCounty(plain);
    compareRuns(batched, plain, batched.inspector, plain.inspector, {"2026-04-05", "2026-06-01"});
    // R2's tasks were not the inspector's to escalate.
    auto st = batched.db.prepare(
        "SELECT count(*) FROM rectification_tasks t JOIN findings f ON f.id = t.finding_id JOIN rounds r ON r.id = f.round_id "
        "WHERE r.code = 'R2' AND t.level <> 'none'");
    st.step();
    CHECK(st.integer(0) == 0);
}

TEST_CASE("the batched audit writer leaves the chain a single append leaves", "[escalation]") {
    World w;
    {
        store::Transaction tx(w.db);
        store::AuditChainWriter writer(w.db);
        writer.append({std::nullopt, "admin", "test.one", "test", "1", std::nullopt, std::string("{}")});
        writer.append({std::nullopt, "admin", "test.two", "test", "2", std::string("{}"), std::nullopt});
        writer.finish();
        tx.commit();
    }
    CHECK(store::verifyAuditChain(w.db).firstBrokenId == std::nullopt);
    {
        store::Transaction tx(w.db);
        store::appendAuditEvent(w.db, {std::nullopt, "admin", "test.three", "test", "3", std::nullopt, std::nullopt});
        tx.commit();
    }
    const auto report = store::verifyAuditChain(w.db);
    CHECK(report.firstBrokenId == std::nullopt);
    const auto events = store::listAuditEvents(w.db, {});
    REQUIRE(events.size() >= 3);
    CHECK(events.back().content.action == "test.three");
    CHECK(events[events.size() - 2].content.action == "test.two");
    CHECK(events.back().prevHash == events[events.size() - 2].hash);
}

TEST_CASE("JsonText writes the bytes Poco's stringify writes", "[escalation]") {
    const std::string tricky = std::string("引号\"斜杠/反斜杠\\换行\n制表\t响铃\x07") + '\0' + "尾";
    store::StoredRow row;
    row.columns.push_back({"text", {store::StoredValue::Type::Text, 0, 0, tricky}});
    row.columns.push_back({"count", {store::StoredValue::Type::Integer, -42, 0, ""}});
    row.columns.push_back({"share", {store::StoredValue::Type::Real, 0, 0.125, ""}});
    row.columns.push_back({"none", {}});
    JsonText fast;
    fast.open().key("row").row(row).key("list").openArray().value(tricky).value(int64_t{7}).null().closeArray().close();
    auto object = jsonObject();
    object->set("row", store::storedRowJson(row));
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    list->add(tricky);
    list->add(Poco::Int64(7));
    list->add(Poco::Dynamic::Var());
    object->set("list", list);
    CHECK(fast.text() == jsonText(object));
}

TEST_CASE("the task list's JSON text is viewListText of each listed task view", "[escalation]") {
    FixedToday today;
    World w;
    buildCounty(w);
    escalate(w.db, w.admin, day("2026-04-20"));
    auto tasks = store::listTasks(w.db, {});
    REQUIRE(tasks.size() == 8);
    tasks.push_back(tasks.front());
    tasks.back().status = "accepted";  // no days left once accepted: null
    std::vector<Poco::JSON::Object::Ptr> views;
    for (const auto& t : tasks) views.push_back(listedTaskView(t, day("2026-04-20")));
    const std::string text = listedTasksText(tasks, day("2026-04-20"));
    CHECK(text == viewListText(views));
    CHECK(text.find("\"days_left\":null") != std::string::npos);
    CHECK(text.find("\"days_left\":-7") != std::string::npos);
    CHECK(listedTasksText({}, day("2026-04-20")) == viewListText({}));
}

TEST_CASE("a check finding's refs as JsonText give the bytes of Poco's array", "[json]") {
    const std::vector<std::vector<std::string>> cases = {
        {}, {"E1"}, {"E1", "E2", "T-2026/07"}, {"引号\"", "反斜杠\\", std::string("零") + '\0' + "\x1f"}};
    for (const auto& refs : cases) {
        JsonText fast;
        fast.openArray();
        for (const auto& r : refs) fast.value(r);
        fast.closeArray();
        Poco::JSON::Array reference;
        for (const auto& r : refs) reference.add(r);
        std::ostringstream text;
        reference.stringify(text);
        CHECK(fast.text() == text.str());
    }
    CHECK(JsonText().openArray().value("E1").value("E2").closeArray().text() == "[\"E1\",\"E2\"]");
}

TEST_CASE("a notice's recipients as JsonText give the exact text and Poco's bytes", "[escalation]") {
    using domain::Recipient;
    CHECK(recipientsJson({}) == "[]");
    CHECK(recipientsJson({{Recipient::Handler, "李明"}, {Recipient::Leadership, "巡察工作领导小组"}}) ==
          R"([{"role":"handler","label":"责任人","name":"李明"},)"
          R"({"role":"leadership","label":"巡察工作领导小组","name":"巡察工作领导小组"}])");
    // The old writer, Poco's array of objects, on names that need escaping.
    const std::vector<NoticeRecipient> tricky = {{Recipient::UnitHead, "引号\"反斜杠\\换行\n"},
                                                 {Recipient::UnitContact, std::string("零") + '\0' + "\x1f尾"}};
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& r : tricky) {
        auto o = jsonObject();
        o->set("role", std::string(domain::recipients.code(r.role)));
        o->set("label", std::string(domain::recipients.label(r.role)));
        o->set("name", r.name);
        array->add(o);
    }
    std::ostringstream poco;
    array->stringify(poco);
    CHECK(recipientsJson(tricky) == poco.str());
}

// More rises than one batch holds: the batches after the first are written while the one before
// is digested on another thread, and the ids, rows and records must still be the reference's.
TEST_CASE("escalate over more tasks than one batch matches the reference", "[escalation]") {
    FixedToday today;
    World batched, plain;
    for (World* w : {&batched, &plain}) {
        buildCounty(*w);
        w->round("R3", "2026-01-07");
        for (int i = 0; i < 1203; ++i)
            w->finding("R3", i % 2 ? "UA" : "UB", i % 3 ? "四风" : "形式主义", i % 3 ? std::nullopt : std::optional<std::string>("deadline"));
        w->feedBack("R3", "2026-02-12");
        // Tasks with the highest ids in a round the inspector is not on: the upper half's own filter.
        createRound(w->db, w->admin, {"R4", "第R4轮", "regular", "2026-01-08", "2026-12-31", std::nullopt, {}, std::nullopt});
        addRoundTargets(w->db, w->admin, "R4", {"UA"});
        addRoundTeam(w->db, w->admin, "R4", {"局外人"}, std::string("局外人"));
        for (int i = 0; i < 3; ++i) w->finding("R4", "UA", "四风", std::nullopt, &w->otherInspector);
        w->feedBack("R4", "2026-02-12");
    }
    // Planned in two halves by task id (more than 1,024 ids), the first run by an inspector, whose
    // rounds each half asks after on its own connection.
    compareRuns(batched, plain, batched.inspector, plain.inspector, {"2026-03-25"});
    compareRuns(batched, plain, batched.admin, plain.admin, {"2026-03-25", "2027-02-01"});
    auto st = batched.db.prepare("SELECT count(*) FROM notices");
    st.step();
    CHECK(st.integer(0) > 2 * 1203);  // both runs raised every task of R3
}

TEST_CASE("the task id bounds a plan splits at are the first and last task's, none without tasks", "[escalation]") {
    World w;
    CHECK_FALSE(store::taskIdBounds(w.db).has_value());
    buildCounty(w);
    auto st = w.db.prepare("SELECT min(id), max(id), count(*) FROM rectification_tasks");
    st.step();
    REQUIRE(st.integer(2) > 1);
    const auto bounds = store::taskIdBounds(w.db);
    REQUIRE(bounds.has_value());
    CHECK(bounds->first == st.integer(0));
    CHECK(bounds->second == st.integer(1));
}
