// One view per record: `X list --format json` and `X show --format json` give each record the same
// fields with the same types (money and counts numbers, refs arrays, dates YYYY-MM-DD, times ISO
// 8601 UTC); a show only adds what a list leaves out (history, progress, disposals…).
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <regex>
#include <set>
#include <sstream>

#include "county.hpp"

using patrol::testing::County;
using patrol::testing::Run;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Array::Ptr parseArray(const std::string& text) { return Poco::JSON::Parser().parse(text).extract<Array::Ptr>(); }
Object::Ptr parseObject(const std::string& text) { return Poco::JSON::Parser().parse(text).extract<Object::Ptr>(); }

std::string text(const Poco::Dynamic::Var& v) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(v, out);
    return out.str();
}

// Every field of the list element is in the show object with the same value and type; the show
// object's further fields are exactly `extra` (and the list's are exactly `listOnly`).
void checkAgree(const Object::Ptr& element, const Object::Ptr& shown, const std::set<std::string>& extra,
                const std::set<std::string>& listOnly = {}) {
    for (const auto& [key, value] : *element) {
        INFO("field " << key);
        if (listOnly.count(key)) continue;
        REQUIRE(shown->has(key));
        CHECK(text(value) == text(shown->get(key)));
    }
    std::set<std::string> added;
    for (const auto& [key, value] : *shown)
        if (!element->has(key)) added.insert(key);
    CHECK(added == extra);
}

Object::Ptr elementWith(const Array::Ptr& list, const std::string& key, const std::string& value) {
    for (size_t i = 0; i < list->size(); ++i) {
        auto o = list->getObject(static_cast<unsigned>(i));
        if (o->get(key).toString() == value) return o;
    }
    FAIL("no element with " << key << " = " << value);
    return nullptr;
}

bool isDate(const Poco::Dynamic::Var& v) { return v.isString() && std::regex_match(v.toString(), std::regex(R"(\d{4}-\d{2}-\d{2})")); }
bool isTime(const Poco::Dynamic::Var& v) {
    return v.isString() && std::regex_match(v.toString(), std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)"));
}

// R1 fed back with a planned task 1 that has a progress report with evidence and a notice; finding 2
// transferred as a clue, disposed, with an outcome; R2 holds the four_styles check's findings (refs and
// amounts) and a manual finding of 1234.50 yuan.
struct Recorded : County {
    Recorded() {
        const std::string data = PATROL_SOURCE_DIR "/tests/plugins/cases/four_styles_layout/data";
        ok({"unit", "add", "--code", "U30", "--name", "丙社区", "--kind", "community", "--parent", "UA"});
        ok({"round", "create", "--code", "R2", "--title", "专项巡察", "--kind", "special", "--start", "2026-03-02", "--end",
            "2026-05-29", "--plugins", "four_styles"});
        ok({"round", "target", "--round", "R2", "--unit", "U30"});
        ok({"round", "advance", "--round", "R2", "--to", "onsite", "--date", "2026-03-10"});
        ok({"check", "--plugin", "four_styles", "--data", data, "--round", "R2"});
        ok({"finding", "add", "--round", "R2", "--unit", "U30", "--category", "资金", "--title", "多付工程款", "--amount",
            "1234.50", "--people", "3"});
        ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
        ok({"task", "plan", "1", "--measure", "清退", "--handler", "李明", "--leader", "王强", "--date", "2026-02-20"},
           "甲联系人");
        const std::string receipt = dir.write("收据.pdf", "收据");
        ok({"task", "progress", "1", "--percent", "40", "--note", "已清退一半", "--evidence", receipt, "--date", "2026-02-25"},
           "甲联系人");
        ok({"escalate", "--as-of", "2026-03-01"});
        ok({"clue", "transfer", "2", "--to", "纪委监委", "--date", "2026-02-20"});
        ok({"clue", "dispose", "1", "--method", "preliminary", "--note", "初核", "--date", "2026-02-25"});
        ok({"clue", "outcome", "1", "--person", "张某", "--level", "乡科级", "--form", "f2", "--recovered", "5200.10", "--date",
            "2026-03-05"});
    }
};

}  // namespace

TEST_CASE("finding list and show agree field for field: amount a number, refs an array", "[workflow_cli][views]") {
    Recorded c;
    const std::string listText = c.ok({"finding", "list", "--format", "json"}).out;
    const auto list = parseArray(listText);
    REQUIRE(list->size() >= 5);
    for (size_t i = 0; i < list->size(); ++i) {
        const auto element = list->getObject(static_cast<unsigned>(i));
        const std::string id = element->get("id").toString();
        INFO("finding #" << id);
        const auto shown = parseObject(c.ok({"finding", "show", id, "--format", "json"}).out);
        // A finding a check recorded names its run (who, when, plugins and data digest, as-of).
        const bool fromCheck = element->getValue<std::string>("source").rfind("check:", 0) == 0;
        checkAgree(element, shown, fromCheck ? std::set<std::string>{"attachments", "recorded_by_run"} : std::set<std::string>{"attachments"});
        if (fromCheck) {
            const auto run = shown->getObject("recorded_by_run");
            CHECK(run->getValue<std::string>("actor") == "admin");
            CHECK(isTime(run->get("at")));
            CHECK(run->getArray("plugins")->getObject(0)->getValue<std::string>("plugin") == "four_styles");
            CHECK(run->getArray("plugins")->getObject(0)->getValue<std::string>("data_digest").size() == 64);
        }
        CHECK(shown->isArray("refs"));
        CHECK((shown->isNull("amount") || shown->get("amount").isNumeric()));
        CHECK(isTime(shown->get("created_at")));
    }
    // The check's findings name the records they rest on; money keeps its two decimals exactly.
    const auto checked = elementWith(list, "source", "check:four_styles/FS-01");
    REQUIRE(checked->getArray("refs")->size() == 1);
    CHECK(checked->get("amount").isNumeric());
    CHECK(listText.find("\"amount\":1234.50,\"people_count\":3,") != std::string::npos);
    CHECK(listText.find("\"refs\":[]") != std::string::npos);

    // A unit user sees neither in list nor in show that a finding was transferred.
    const auto own = parseArray(c.ok({"finding", "list", "--format", "json"}, "甲联系人").out);
    REQUIRE(own->size() == 1);
    const auto ownShown = parseObject(c.ok({"finding", "show", "1", "--format", "json"}, "甲联系人").out);
    checkAgree(own->getObject(0), ownShown, {});
    CHECK_FALSE(ownShown->has("transferred"));
}

TEST_CASE("task list and show agree, show adds progress, evidence, notices and history as arrays of views",
          "[workflow_cli][views]") {
    Recorded c;
    const auto list = parseArray(c.ok({"task", "list", "--as-of", "2026-03-01", "--format", "json"}).out);
    REQUIRE(list->size() == 2);
    for (size_t i = 0; i < list->size(); ++i) {
        const auto element = list->getObject(static_cast<unsigned>(i));
        const std::string id = element->get("id").toString();
        const auto shown = parseObject(c.ok({"task", "show", id, "--format", "json"}).out);
        checkAgree(element, shown, {"progress", "evidence", "extensions", "notices", "history"}, {"days_left"});
        CHECK(isDate(shown->get("due")));
        CHECK(isDate(shown->get("assigned_on")));
        CHECK(shown->get("returned_count").isInteger());
    }
    const auto task = elementWith(list, "id", "1");
    CHECK(task->getValue<int>("days_left") == 13);
    CHECK(task->getValue<std::string>("measure") == "清退");
    CHECK(isDate(task->get("planned_on")));

    const auto shown = parseObject(c.ok({"task", "show", "1", "--format", "json"}, "甲联系人").out);
    const auto progress = shown->getArray("progress");
    REQUIRE(progress->size() == 1);
    const auto report = progress->getObject(0);
    CHECK(report->get("percent").isInteger());
    CHECK(report->getValue<int>("percent") == 40);
    CHECK(report->getValue<std::string>("reported_on") == "2026-02-25");
    CHECK(report->getValue<std::string>("note") == "已清退一半");
    const auto evidence = shown->getArray("evidence");
    REQUIRE(evidence->size() == 1);
    const auto file = evidence->getObject(0);
    CHECK(file->getValue<std::string>("name") == "收据.pdf");
    CHECK(file->get("size").isInteger());
    CHECK(file->getValue<int>("size") == 6);
    CHECK(file->get("progress_id").toString() == report->get("id").toString());
    CHECK(file->getValue<int>("task_id") == 1);
    CHECK(isTime(file->get("uploaded_at")));

    // The notices in a task's show are the same views `notice list` prints.
    const auto notices = parseArray(c.ok({"notice", "list", "--format", "json"}).out);
    const auto embedded = shown->getArray("notices");
    REQUIRE(embedded->size() == 1);
    const auto notice = elementWith(notices, "id", embedded->getObject(0)->get("id").toString());
    checkAgree(notice, embedded->getObject(0), {});
    CHECK(notice->isArray("recipients"));
    CHECK(isDate(notice->get("as_of")));
    CHECK(isTime(notice->get("created_at")));
}

TEST_CASE("round, unit and clue list and show agree field for field", "[workflow_cli][views]") {
    Recorded c;
    const auto rounds = parseArray(c.ok({"round", "list", "--format", "json"}).out);
    REQUIRE(rounds->size() == 2);
    for (const char* code : {"R1", "R2"}) {
        const auto shown = parseObject(c.ok({"round", "show", code, "--format", "json"}).out);
        checkAgree(elementWith(rounds, "code", code), shown, {"stage_dates", "targets", "team", "finding_counts"});
    }
    const auto r2 = elementWith(rounds, "code", "R2");
    REQUIRE(r2->isArray("plugins"));
    CHECK(r2->getArray("plugins")->getElement<std::string>(0) == "four_styles");
    CHECK(isDate(r2->get("start")));

    const auto units = parseArray(c.ok({"unit", "list", "--format", "json"}).out);
    REQUIRE(units->size() == 3);
    for (const char* code : {"UA", "UB", "U30"})
        checkAgree(elementWith(units, "code", code), parseObject(c.ok({"unit", "show", code, "--format", "json"}).out), {});
    // A round's targets are the units' own views.
    const auto target = parseObject(c.ok({"round", "show", "R2", "--format", "json"}).out)->getArray("targets")->getObject(0);
    checkAgree(elementWith(units, "code", "U30"), target, {});

    const std::string clueText = c.ok({"clue", "list", "--format", "json"}).out;
    const auto clues = parseArray(clueText);
    REQUIRE(clues->size() == 1);
    const auto clueShown = parseObject(c.ok({"clue", "show", "1", "--format", "json"}).out);
    checkAgree(clues->getObject(0), clueShown, {});
    CHECK(clueShown->getValue<int>("people") == 1);
    CHECK(isDate(clueShown->get("transferred_on")));
    const auto outcome = clueShown->getArray("outcomes")->getObject(0);
    CHECK(outcome->get("recovered").isNumeric());
    CHECK(outcome->get("referred").isBoolean());
    CHECK(clueText.find("\"recovered\":5200.10,") != std::string::npos);
}
