// Plugin metadata: what a valid file yields, and the exact message for each kind of mistake.
#include "core/plugins/plugin_metadata.hpp"

#include <catch2/catch.hpp>

#include <string>

using patrol::plugins::MetadataError;
using patrol::plugins::parseMetadata;
using patrol::plugins::PluginMetadata;
using patrol::plugins::SettingType;

namespace {

const std::string kTable = R"({"name": "expenses", "file": "expenses.csv", "title": "公务支出", "columns": [
    {"name": "expense_id", "type": "string", "required": true, "id": true},
    {"name": "category", "type": "enum", "required": true, "words": ["reception", "meal"]},
    {"name": "headcount", "type": "integer", "min": 0, "required_when": {"column": "category", "in": ["reception"], "min": 1}},
    {"name": "amount", "type": "money", "required": true}]})";

const std::string kRule = R"({"code": "FS-01", "name": "超标准接待", "severity": "medium", "category": "reception",
    "tables": ["expenses"], "rectification": {"kind": "immediate", "days": 30}, "refs": "expense_id", "amount": "超出部分"})";

std::string metadata(const std::string& tables = "[" + kTable + "]", const std::string& rules = "[" + kRule + "]",
                     const std::string& settings = "[]", const std::string& extra = "") {
    return R"({"id": "four_styles", "name": "四风", "version": "1.0.0", "abi": "1.0", "description": "说明",
        "tables": )" + tables + R"(, "rules": )" + rules + R"(, "settings": )" + settings +
           R"(, "checklist": ["要点一"], "categories": [{"code": "reception", "name": "超标准接待", "group": "享乐主义、奢靡之风",
        "bucket": "提供或接受超标准接待"}])" + extra + "}";
}

std::string errorOf(const std::string& json) {
    try {
        parseMetadata(json, "four_styles.json");
    } catch (const MetadataError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("valid metadata is read into tables, rules, settings, checklist and categories") {
    const PluginMetadata m = parseMetadata(metadata("[" + kTable + "]", "[" + kRule + "]",
                                                    R"([{"key": "reception_per_capita", "name": "人均标准", "type": "money", "default": "150", "min": "0.01"},
                                                        {"key": "keywords", "type": "list", "default": ["茅台", "五粮液"]},
                                                        {"key": "idle_ratio", "type": "decimal", "default": 0.5, "max": 1}])"),
                                           "four_styles.json");
    CHECK(m.id == "four_styles");
    CHECK(m.abi.major == 1);
    CHECK(m.abi.minor == 0);
    REQUIRE(m.tables.size() == 1);
    const auto& t = m.tables[0];
    CHECK(t.file == "expenses.csv");
    CHECK(t.title == "公务支出");
    REQUIRE(t.columns.size() == 4);
    CHECK(t.columns[0].isId);
    CHECK(t.columns[1].type == PATROL_COLUMN_ENUM);
    CHECK(t.columns[1].words == std::vector<std::string>{"reception", "meal"});
    CHECK(*t.columns[2].min == 0);
    CHECK(t.columns[2].requiredWhen->column == "category");
    CHECK(t.columns[2].requiredWhen->in == std::vector<std::string>{"reception"});
    CHECK(*t.columns[2].requiredWhen->min == 1);
    REQUIRE(m.rules.size() == 1);
    CHECK(m.rules[0].rectification.kind == "immediate");
    CHECK(m.rules[0].rectification.days == 30);
    CHECK(m.rules[0].tables == std::vector<std::string>{"expenses"});
    REQUIRE(m.settings.size() == 3);
    CHECK(m.settings[0].defaultValue == "150.00");
    CHECK(*m.settings[0].min == "0.01");
    CHECK(m.settings[1].type == SettingType::List);
    CHECK(m.settings[1].defaultValue == "茅台|五粮液");
    CHECK(m.settings[2].type == SettingType::Ratio);
    CHECK(m.settings[2].defaultValue == "0.5");
    CHECK(m.checklist == std::vector<std::string>{"要点一"});
    REQUIRE(m.categories.size() == 1);
    CHECK(m.categories[0].bucket == "提供或接受超标准接待");
}

TEST_CASE("metadata mistakes are named by their place, what was expected and what was found") {
    CHECK(errorOf("{") == "元数据 four_styles.json 无效：第 1 行第 2 列不是合法的 JSON：应为带双引号的键，实际为文件结尾");
    CHECK(errorOf("[]") == "元数据 four_styles.json 无效：(根) 应为对象 {…}，实际为数组");
    CHECK(errorOf(R"({"name": "x"})") == "元数据 four_styles.json 无效：id 应为非空字符串，实际为缺失");
    auto abi = metadata();
    abi.replace(abi.find("\"1.0\""), 5, "\"1\"");
    CHECK(errorOf(abi) == "元数据 four_styles.json 无效：abi 应为“主版本.次版本”形式的 ABI 版本（如 \"1.0\"），实际为 \"1\"");

    auto type = kTable;
    type.replace(type.find("\"money\""), 7, "\"float\"");
    CHECK(errorOf(metadata("[" + type + "]")) ==
          "元数据 four_styles.json 无效：tables[0].columns[3].type 应为 string、date、time、money、integer、enum 之一，实际为 \"float\"");

    auto words = kTable;
    words.replace(words.find("\"words\": [\"reception\", \"meal\"]"), 30, "\"words\": []");
    CHECK(errorOf(metadata("[" + words + "]")) == "元数据 four_styles.json 无效：tables[0].columns[1].words 应为至少一个取值的数组，实际为空数组");

    auto when = kTable;
    when.replace(when.find("\"in\": [\"reception\"]"), 19, "\"in\": [\"banquet\"]");
    CHECK(errorOf(metadata("[" + when + "]")) == "元数据 four_styles.json 无效：tables[0].columns[2].required_when.in 应为列 category 的取值，实际为 \"banquet\"");

    auto kind = kRule;
    kind.replace(kind.find("\"immediate\""), 11, "\"soon\"");
    CHECK(errorOf(metadata("[" + kTable + "]", "[" + kind + "]")) ==
          "元数据 four_styles.json 无效：rules[0].rectification.kind 应为 immediate、deadline 或 long_term 之一，实际为 \"soon\"");

    auto table = kRule;
    table.replace(table.find("[\"expenses\"]"), 12, "[\"trips\"]");
    CHECK(errorOf(metadata("[" + kTable + "]", "[" + table + "]")) == "元数据 four_styles.json 无效：rules[0].tables[0] 应为 tables 中声明的表名，实际为 \"trips\"");

    auto category = kRule;
    category.replace(category.find("\"category\": \"reception\""), 23, "\"category\": \"party\"");
    CHECK(errorOf(metadata("[" + kTable + "]", "[" + category + "]")) ==
          "元数据 four_styles.json 无效：rules[0].category 应为 categories 中声明的类别代码，实际为 \"party\"");

    CHECK(errorOf(metadata("[" + kTable + "]", "[" + kRule + "]", R"([{"key": "n", "type": "integer", "default": "x"}])")) ==
          "元数据 four_styles.json 无效：settings[0].default 应为整数（如 90），实际为 \"x\"");
    CHECK(errorOf(metadata("[" + kTable + "]", "[" + kRule + "]", R"([{"key": "n", "type": "integer", "default": 5, "min": 6}])")) ==
          "元数据 four_styles.json 无效：settings[0].default 应为在 min 与 max 之间的值，实际为 5");
    CHECK(errorOf(metadata("[" + kTable + "]", "[" + kRule + "]", R"([{"key": "n", "type": "percent", "default": 5}])")) ==
          "元数据 four_styles.json 无效：settings[0].type 应为 integer、money、ratio、time、text、list 之一，实际为 \"percent\"");
    CHECK(errorOf(metadata("[" + kTable + "," + kTable + "]")) == "元数据 four_styles.json 无效：tables[1].name 应为唯一的表名，实际为重复的 \"expenses\"");
}

TEST_CASE("a JSON syntax error in metadata is placed by line and column") {
    // A missing comma between two properties on the third line.
    CHECK(errorOf("{\n  \"id\": \"x\",\n  \"name\": \"四风\" \"version\": \"1.0.0\"\n}") ==
          "元数据 four_styles.json 无效：第 3 行第 16 列不是合法的 JSON：应为 \",\" 或 \"}\"，实际为 \"\"\"");
    // A comma after the last item, and a Chinese comma typed for an ASCII one.
    CHECK(errorOf("{\"checklist\": [\"一\", \"二\",]}") == "元数据 four_styles.json 无效：第 1 行第 25 列不是合法的 JSON：应为下一个值（最后一项之后不能有逗号），实际为 \"]\"");
    CHECK(errorOf("{\"id\": \"x\"，\"name\": \"y\"}") == "元数据 four_styles.json 无效：第 1 行第 11 列不是合法的 JSON：应为 \",\" 或 \"}\"，实际为 \"，\"");
    CHECK(errorOf("{\"id\": \"x\"}\n}") == "元数据 four_styles.json 无效：第 2 行第 1 列不是合法的 JSON：应为文件结尾（一个 JSON 值之后不应再有内容），实际为 \"}\"");
    CHECK(errorOf("{\"id\": 'x'}") ==
          "元数据 four_styles.json 无效：第 1 行第 8 列不是合法的 JSON：应为一个值（对象、数组、带双引号的字符串、数、true、false 或 null），实际为 \"'\"");
}

TEST_CASE("an unknown key in metadata is an error suggesting the nearest known key") {
    auto column = kTable;
    column.replace(column.find("\"required\""), 10, "\"requird\"");
    CHECK(errorOf(metadata("[" + column + "]")) ==
          "元数据 four_styles.json 无效：tables[0].columns[0] 中有不认识的键 \"requird\"，是否应为 \"required\"？此处可用的键：name、type、required、id、words、min、required_when");
    CHECK(errorOf(metadata("[" + kTable + "]", "[" + kRule + "]", "[]", R"(, "setings": [])")) ==
          "元数据 four_styles.json 无效：顶层对象中有不认识的键 \"setings\"，是否应为 \"settings\"？此处可用的键：id、name、version、abi、description、tables、rules、settings、checklist、categories");
    auto rectification = kRule;
    rectification.replace(rectification.find("\"days\": 30"), 10, "\"day\": 30");
    CHECK(errorOf(metadata("[" + kTable + "]", "[" + rectification + "]")) ==
          "元数据 four_styles.json 无效：rules[0].rectification 中有不认识的键 \"day\"，是否应为 \"days\"？此处可用的键：kind、days");
    // A word like no key gets the list only.
    CHECK(errorOf(metadata("[" + kTable + "]", "[" + kRule + "]", R"([{"key": "n", "type": "integer", "default": 5, "unit": "天"}])")) ==
          "元数据 four_styles.json 无效：settings[0] 中有不认识的键 \"unit\"。此处可用的键：key、name、type、default、min、max、description");
}
