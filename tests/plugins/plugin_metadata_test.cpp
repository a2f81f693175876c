// The three shipped plugins' metadata, read by the host's own parser: every table, column,
// rule, setting default, checklist and category that spec/datasets.md and the issue require.
#include "core/plugins/plugin_metadata.hpp"
#include "core/plugins/plugin_settings.hpp"
#include "plugins/business_environment/tables.hpp"
#include "plugins/four_styles/expenses.hpp"
#include "plugins/poverty_alleviation/tables.hpp"

#include <catch2/catch.hpp>

#include <set>

using patrol::plugins::PluginMetadata;
using patrol::plugins::readMetadataFile;

namespace {

PluginMetadata metadataOf(const std::string& id) { return readMetadataFile(std::string(PATROL_SOURCE_DIR) + "/plugins/" + id + "/plugin.json"); }

std::set<std::string> ruleCodes(const PluginMetadata& m) {
    std::set<std::string> codes;
    for (const auto& r : m.rules) codes.insert(r.code);
    return codes;
}

// "name:type:required[:id]" for every column of a table, in declared order.
std::vector<std::string> columnsOf(const PluginMetadata& m, const std::string& table) {
    std::vector<std::string> out;
    for (const auto& c : m.table(table)->columns)
        out.push_back(c.name + ":" + patrol::data::columnTypeName(c.type) + (c.required ? ":required" : "") + (c.isId ? ":id" : ""));
    return out;
}

std::map<std::string, std::string> defaults(const PluginMetadata& m) { return patrol::plugins::resolveSettings(m, {}); }

void requireManualParts(const PluginMetadata& m) {
    CHECK(m.abi.text() == "1.3");
    CHECK(m.checklist.size() >= 10);
    CHECK(m.categories.size() >= m.rules.size());
    for (const auto& r : m.rules) {
        CHECK_FALSE(r.tables.empty());
        CHECK(r.rectification.days > 0);
    }
}

}  // namespace

TEST_CASE("poverty_alleviation metadata declares the spec's files, rules and defaults") {
    const PluginMetadata m = metadataOf("poverty_alleviation");
    CHECK(m.id == "poverty_alleviation");
    CHECK(ruleCodes(m) == std::set<std::string>{"PA-01", "PA-02", "PA-03", "PA-04", "PA-05", "PA-06"});
    CHECK(m.table("households")->file == "households.csv");
    CHECK(columnsOf(m, "households") == std::vector<std::string>{"household_id:string:required:id", "village_code:string", "head_name:string",
                                                                  "status:enum:required", "status_changed_on:date"});
    CHECK(columnsOf(m, "cadres") == std::vector<std::string>{"cadre_id:string:required:id", "name:string", "unit_code:string", "post:string",
                                                              "household_id:string"});
    CHECK(columnsOf(m, "projects") == std::vector<std::string>{"project_id:string:required:id", "unit_code:string:required", "name:string",
                                                                "budget:money:required", "funds_arrived_on:date", "planned_completion:date",
                                                                "actual_completion:date"});
    CHECK(columnsOf(m, "payments") == std::vector<std::string>{"payment_id:string:required:id", "unit_code:string:required", "project_id:string",
                                                                "program:string:required", "household_id:string:required", "payee_name:string",
                                                                "amount:money:required", "paid_on:date:required"});
    // The plugin reads status by index; the metadata's word order is that index.
    const auto& words = m.table("households")->column("status")->words;
    REQUIRE(words.size() == 3);
    CHECK(words[patrol::plugins::poverty_alleviation::kRemoved] == "removed");
    CHECK(m.rule("PA-01")->tables == std::vector<std::string>{"payments", "households"});
    CHECK(m.rule("PA-03")->tables == std::vector<std::string>{"payments", "cadres"});
    CHECK(m.rule("PA-04")->tables == std::vector<std::string>{"projects", "payments"});
    CHECK(m.rule("PA-06")->tables == std::vector<std::string>{"projects"});
    const auto values = defaults(m);
    CHECK(values.at("idle_days") == "90");
    CHECK(values.count("idle_ratio") == 1);
    requireManualParts(m);
}

TEST_CASE("business_environment metadata declares the spec's files, rules and defaults") {
    const PluginMetadata m = metadataOf("business_environment");
    CHECK(m.id == "business_environment");
    CHECK(ruleCodes(m) == std::set<std::string>{"BE-01", "BE-02", "BE-03", "BE-04"});
    CHECK(columnsOf(m, "approvals") == std::vector<std::string>{"case_id:string:required:id", "unit_code:string:required", "item:string",
                                                                 "applicant:string", "received_on:date:required", "completed_on:date",
                                                                 "time_limit_days:integer:required"});
    CHECK(m.table("approvals")->column("time_limit_days")->min == 0);
    CHECK(columnsOf(m, "postings") == std::vector<std::string>{"staff_id:string:required:id", "name:string", "unit_code:string:required",
                                                                "post:string", "key_post:enum:required", "since:date:required"});
    CHECK(m.table("postings")->column("key_post")->words[patrol::plugins::business_environment::kYes] == "yes");
    CHECK(columnsOf(m, "complaints") == std::vector<std::string>{"complaint_id:string:required:id", "unit_code:string:required",
                                                                  "enterprise:string", "category:string", "received_on:date:required",
                                                                  "resolved_on:date"});
    CHECK(columnsOf(m, "arrears") == std::vector<std::string>{"contract_id:string:required:id", "unit_code:string:required", "enterprise:string",
                                                               "amount:money:required", "due_on:date:required", "paid_on:date"});
    const auto values = defaults(m);
    CHECK(values.at("rotation_years") == "5");
    CHECK(values.at("hotspot_count") == "3");
    CHECK(values.at("arrears_grace_days") == "30");
    requireManualParts(m);
}

TEST_CASE("four_styles metadata declares the spec's files, rules, defaults and CCDI categories") {
    const PluginMetadata m = metadataOf("four_styles");
    CHECK(m.id == "four_styles");
    CHECK(ruleCodes(m) == std::set<std::string>{"FS-01", "FS-02", "FS-03", "FS-04", "FS-05"});
    CHECK(columnsOf(m, "expenses") == std::vector<std::string>{"expense_id:string:required:id", "unit_code:string:required", "date:date:required",
                                                                "category:enum:required", "amount:money:required", "headcount:integer",
                                                                "vendor:string", "description:string"});
    CHECK(columnsOf(m, "trips") == std::vector<std::string>{"trip_id:string:required:id", "unit_code:string:required", "plate:string",
                                                             "date:date:required", "depart_time:time:required", "return_time:time",
                                                             "purpose:string", "destination:string"});
    namespace fs = patrol::plugins::four_styles;
    const auto& words = m.table("expenses")->column("category")->words;
    CHECK(words == std::vector<std::string>{"reception", "meal", "vehicle", "travel", "gift", "meeting", "other"});
    CHECK(words[fs::kReception] == "reception");
    CHECK(words[fs::kMeal] == "meal");
    CHECK(words[fs::kGift] == "gift");
    // Only a reception row needs a positive headcount (FS-01); the bound applies on those rows only.
    const auto* headcount = m.table("expenses")->column("headcount");
    REQUIRE(headcount->requiredWhen);
    CHECK(headcount->requiredWhen->column == "category");
    CHECK(headcount->requiredWhen->in == std::vector<std::string>{"reception"});
    CHECK(headcount->requiredWhen->min == 1);
    CHECK_FALSE(headcount->min);
    const auto values = defaults(m);
    CHECK(values.at("reception_per_capita") == "150.00");
    CHECK(values.at("approval_threshold") == "5000.00");
    CHECK(values.at("keywords") == "茅台|五粮液|购物卡|礼品卡|消费卡|香烟|名烟|名酒|高档");
    CHECK(values.at("night_start") == "22:00");
    CHECK(values.at("night_end") == "06:00");
    std::set<std::string> groups, buckets;
    for (const auto& c : m.categories) {
        groups.insert(c.group);
        buckets.insert(c.bucket);
    }
    CHECK(groups == std::set<std::string>{"形式主义、官僚主义", "享乐主义、奢靡之风"});
    for (const char* bucket : {"贯彻党中央重大决策部署打折扣、做选择、搞变通", "违规发放津贴补贴或福利", "违规公款吃喝",
                               "违规收送名贵特产和礼品礼金", "违规操办婚丧喜庆", "违规配备使用公务用车", "楼堂馆所违规问题",
                               "提供或接受超标准接待", "违规出入私人会所"})
        CHECK(buckets.count(bucket) == 1);
    requireManualParts(m);
}
