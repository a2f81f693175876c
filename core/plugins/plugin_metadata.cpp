#include "core/plugins/plugin_metadata.hpp"

#include "core/domain/rectification_kind.hpp"
#include "core/domain/severity.hpp"
#include "core/plugins/json_syntax.hpp"
#include "core/plugins/plugin_settings.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

namespace patrol::plugins {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;
using Poco::Dynamic::Var;

// Reads one metadata document, naming the JSON path of whatever is wrong.
class MetadataReader {
public:
    explicit MetadataReader(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void fail(const std::string& path, const std::string& expected, const std::string& found) const {
        throw MetadataError("元数据 " + source_ + " 无效：" + path + " 应为" + expected + "，实际为" + found);
    }

    static std::string describe(const Var& v) {
        if (v.isEmpty()) return "空值 null";
        if (v.type() == typeid(Object::Ptr)) return "对象";
        if (v.type() == typeid(Array::Ptr)) return "数组";
        if (v.isBoolean()) return "布尔值 " + v.convert<std::string>();
        if (v.isString()) return " \"" + v.convert<std::string>() + "\"";
        if (v.isNumeric()) return "数 " + v.convert<std::string>();
        return "其他值";
    }

    Object::Ptr object(const Var& v, const std::string& path) const {
        if (v.type() != typeid(Object::Ptr)) fail(path, "对象 {…}", v.isEmpty() && path != "(根)" ? "缺失" : describe(v));
        return v.extract<Object::Ptr>();
    }

    Array::Ptr array(const Object::Ptr& o, const std::string& key, const std::string& path, bool required) const {
        if (!o->has(key)) {
            if (required) fail(path + key, "数组 […]", "缺失");
            return new Array;
        }
        const Var v = o->get(key);
        if (v.type() != typeid(Array::Ptr)) fail(path + key, "数组 […]", describe(v));
        return v.extract<Array::Ptr>();
    }

    std::string text(const Object::Ptr& o, const std::string& key, const std::string& path, bool required) const {
        if (!o->has(key) || o->get(key).isEmpty()) {
            if (required) fail(path + key, "非空字符串", "缺失");
            return {};
        }
        const Var v = o->get(key);
        if (!v.isString()) fail(path + key, "字符串", describe(v));
        const std::string s = v.convert<std::string>();
        if (required && s.empty()) fail(path + key, "非空字符串", "空字符串");
        return s;
    }

    // A name used as a key in code and configuration: lower-case letters, digits, '_' and '-'.
    std::string identifier(const Object::Ptr& o, const std::string& key, const std::string& path) const {
        const std::string s = text(o, key, path, true);
        for (char c : s)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || (c >= 'A' && c <= 'Z')))
                fail(path + key, "由字母、数字、_ 或 - 组成的名称", " \"" + s + "\"");
        return s;
    }

    bool flag(const Object::Ptr& o, const std::string& key, const std::string& path) const {
        if (!o->has(key)) return false;
        const Var v = o->get(key);
        if (!v.isBoolean()) fail(path + key, " true 或 false", describe(v));
        return v.convert<bool>();
    }

    // An integer given as a JSON number or as a string of digits.
    std::optional<int64_t> integer(const Object::Ptr& o, const std::string& key, const std::string& path) const {
        if (!o->has(key) || o->get(key).isEmpty()) return std::nullopt;
        const Var v = o->get(key);
        if (v.isInteger()) return v.convert<int64_t>();
        if (v.isString()) {
            const auto canonical = canonicalSettingValue(SettingType::Integer, v.convert<std::string>());
            if (canonical) return std::stoll(*canonical);
        }
        fail(path + key, "整数", describe(v));
    }

    // A setting value: strings as given, numbers in their shortest form, arrays of strings joined by '|'.
    std::optional<std::string> settingText(const Object::Ptr& o, const std::string& key, const std::string& path) const {
        if (!o->has(key) || o->get(key).isEmpty()) return std::nullopt;
        const Var v = o->get(key);
        if (v.isString()) return v.convert<std::string>();
        if (v.isInteger()) return v.convert<std::string>();
        if (v.isNumeric()) {
            std::ostringstream out;
            out << v.convert<double>();
            return out.str();
        }
        if (v.type() == typeid(Array::Ptr)) {
            std::string joined;
            const Array::Ptr items = v.extract<Array::Ptr>();
            for (size_t i = 0; i < items->size(); ++i) {
                const Var item = items->get(static_cast<unsigned>(i));
                const std::string itemPath = path + key + "[" + std::to_string(i) + "]";
                if (!item.isString()) fail(itemPath, "字符串", describe(item));
                const std::string s = item.convert<std::string>();
                if (s.find('|') != std::string::npos) fail(itemPath, "不含 | 的字符串", " \"" + s + "\"");
                joined += (joined.empty() ? "" : "|") + s;
            }
            return joined;
        }
        fail(path + key, "字符串或数", describe(v));
    }

    std::vector<std::string> strings(const Object::Ptr& o, const std::string& key, const std::string& path, bool required) const {
        const Array::Ptr a = array(o, key, path, required);
        std::vector<std::string> out;
        for (size_t i = 0; i < a->size(); ++i) {
            const Var v = a->get(static_cast<unsigned>(i));
            if (!v.isString() || v.convert<std::string>().empty())
                fail(path + key + "[" + std::to_string(i) + "]", "非空字符串", describe(v));
            out.push_back(v.convert<std::string>());
        }
        return out;
    }

    RectificationDefault rectification(const Var& v, const std::string& path) const {
        const Object::Ptr o = object(v, path);
        knownKeys(o, path, {"kind", "days"});
        RectificationDefault r;
        r.kind = text(o, "kind", path + ".", true);
        if (!domain::rectificationKinds.find(r.kind))
            fail(path + ".kind", " immediate、deadline 或 long_term 之一", " \"" + r.kind + "\"");
        const auto days = integer(o, "days", path + ".");
        if (!days || *days <= 0 || *days > 3650) fail(path + ".days", " 1 到 3650 之间的整数天数", days ? std::string(" ").append(std::to_string(*days)) : "缺失");
        r.days = static_cast<int>(*days);
        return r;
    }

    // Every key of `o` must be one of `known`: a misspelt optional key ("requird") would
    // otherwise be dropped without a word and the plugin would behave as if it were absent.
    void knownKeys(const Object::Ptr& o, const std::string& path, std::initializer_list<const char*> known) const {
        std::vector<std::string> names;
        o->getNames(names);
        std::sort(names.begin(), names.end());
        for (const auto& name : names) {
            if (std::find_if(known.begin(), known.end(), [&](const char* k) { return name == k; }) != known.end()) continue;
            std::string where = path;
            if (!where.empty() && where.back() == '.') where.pop_back();
            std::string list, nearest;
            size_t best = std::string::npos;
            for (const char* k : known) {
                list += (list.empty() ? "" : "、") + std::string(k);
                const size_t d = editDistance(name, k);
                if (d < best) {
                    best = d;
                    nearest = k;
                }
            }
            // Only a near miss is suggested: a word unlike every key is better met by the list.
            const bool close = best <= std::max<size_t>(2, nearest.size() / 3);
            throw MetadataError("元数据 " + source_ + " 无效：" + (where.empty() ? std::string("顶层对象中") : where + " 中") + "有不认识的键 \"" + name + "\"" +
                                (close ? "，是否应为 \"" + nearest + "\"？" : "。") + "此处可用的键：" + list);
        }
    }

    // Levenshtein distance in bytes (keys are ASCII).
    static size_t editDistance(const std::string& a, const std::string& b) {
        std::vector<size_t> row(b.size() + 1);
        for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
        for (size_t i = 1; i <= a.size(); ++i) {
            size_t diagonal = row[0];
            row[0] = i;
            for (size_t j = 1; j <= b.size(); ++j) {
                const size_t above = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
                diagonal = above;
            }
        }
        return row[b.size()];
    }

    const std::string& source() const { return source_; }

private:
    std::string source_;
};

data::ColumnSchema readColumn(const MetadataReader& m, const Object::Ptr& o, const std::string& path) {
    m.knownKeys(o, path, {"name", "type", "required", "id", "words", "min", "required_when"});
    data::ColumnSchema c;
    c.name = m.text(o, "name", path, true);
    const std::string type = m.text(o, "type", path, true);
    const auto t = data::columnTypeFromName(type);
    if (!t) m.fail(path + "type", " string、date、time、money、integer、enum 之一", " \"" + type + "\"");
    c.type = *t;
    c.required = m.flag(o, "required", path);
    c.isId = m.flag(o, "id", path);
    if (c.isId && c.type != PATROL_COLUMN_STRING) m.fail(path + "id", "只用于 string 列的标记", " \"" + type + "\" 列上的 true");
    if (c.type == PATROL_COLUMN_ENUM) {
        c.words = m.strings(o, "words", path, true);
        if (c.words.empty()) m.fail(path + "words", "至少一个取值的数组", "空数组");
        std::set<std::string> seen;
        for (const auto& w : c.words)
            if (!seen.insert(w).second) m.fail(path + "words", "互不相同的取值", "重复的 \"" + w + "\"");
    } else if (o->has("words")) {
        m.fail(path + "words", "只在 enum 列上出现的取值列表", " " + type + " 列上的 words");
    }
    c.min = m.integer(o, "min", path);
    if (c.min && c.type != PATROL_COLUMN_INTEGER) m.fail(path + "min", "只在 integer 列上出现的下限", " " + type + " 列上的 min");
    if (o->has("required_when")) {
        const std::string rwPath = path + "required_when";
        const Object::Ptr rw = m.object(o->get("required_when"), rwPath);
        m.knownKeys(rw, rwPath, {"column", "in", "min"});
        data::RequiredWhen when;
        when.column = m.text(rw, "column", rwPath + ".", true);
        when.in = m.strings(rw, "in", rwPath + ".", true);
        if (when.in.empty()) m.fail(rwPath + ".in", "至少一个取值的数组", "空数组");
        when.min = m.integer(rw, "min", rwPath + ".");
        if (when.min && c.type != PATROL_COLUMN_INTEGER) m.fail(rwPath + ".min", "只在 integer 列上出现的下限", " " + type + " 列上的 min");
        c.requiredWhen = when;
    }
    return c;
}

data::TableSchema readTable(const MetadataReader& m, const Object::Ptr& o, const std::string& path) {
    m.knownKeys(o, path, {"name", "file", "title", "columns"});
    data::TableSchema t;
    t.name = m.identifier(o, "name", path);
    t.file = m.text(o, "file", path, true);
    if (t.file.find('/') != std::string::npos || t.file == "." || t.file == "..")
        m.fail(path + "file", "数据目录中的文件名（不含路径）", " \"" + t.file + "\"");
    t.title = m.text(o, "title", path, false);
    const Array::Ptr columns = m.array(o, "columns", path, true);
    if (columns->size() == 0) m.fail(path + "columns", "至少一列", "空数组");
    std::set<std::string> names;
    int idColumns = 0;
    for (size_t i = 0; i < columns->size(); ++i) {
        const std::string cp = path + "columns[" + std::to_string(i) + "]";
        data::ColumnSchema c = readColumn(m, m.object(columns->get(static_cast<unsigned>(i)), cp), cp + ".");
        if (!names.insert(c.name).second) m.fail(cp + ".name", "表内唯一的列名", "重复的 \"" + c.name + "\"");
        idColumns += c.isId ? 1 : 0;
        if (idColumns > 1) m.fail(cp + ".id", "每表至多一个编号列", "第二个编号列 \"" + c.name + "\"");
        t.columns.push_back(std::move(c));
    }
    // A condition must read a declared text column and name words it can hold.
    for (size_t i = 0; i < t.columns.size(); ++i) {
        const auto& c = t.columns[i];
        if (!c.requiredWhen) continue;
        const std::string rwPath = path + "columns[" + std::to_string(i) + "].required_when";
        const data::ColumnSchema* cond = t.column(c.requiredWhen->column);
        if (!cond || cond == &c) m.fail(rwPath + ".column", "本表另一列的列名", " \"" + c.requiredWhen->column + "\"");
        if (cond->type != PATROL_COLUMN_ENUM && cond->type != PATROL_COLUMN_STRING)
            m.fail(rwPath + ".column", " enum 或 string 列", " " + std::string(data::columnTypeName(cond->type)) + " 列 \"" + cond->name + "\"");
        if (cond->type == PATROL_COLUMN_ENUM)
            for (const auto& w : c.requiredWhen->in)
                if (std::find(cond->words.begin(), cond->words.end(), w) == cond->words.end())
                    m.fail(rwPath + ".in", "列 " + cond->name + " 的取值", " \"" + w + "\"");
    }
    return t;
}

RuleInfo readRule(const MetadataReader& m, const Object::Ptr& o, const std::string& path, const PluginMetadata& meta) {
    m.knownKeys(o, path, {"code", "name", "severity", "category", "tables", "rectification", "refs", "amount"});
    RuleInfo r;
    r.code = m.text(o, "code", path, true);
    r.name = m.text(o, "name", path, true);
    r.severity = m.text(o, "severity", path, true);
    if (!domain::severities.find(r.severity)) m.fail(path + "severity", " low、medium 或 high 之一", " \"" + r.severity + "\"");
    r.category = m.text(o, "category", path, true);
    if (!meta.categories.empty()) {
        bool known = false;
        for (const auto& c : meta.categories) known = known || c.code == r.category;
        if (!known) m.fail(path + "category", " categories 中声明的类别代码", " \"" + r.category + "\"");
    }
    r.tables = m.strings(o, "tables", path, true);
    for (size_t i = 0; i < r.tables.size(); ++i)
        if (!meta.table(r.tables[i])) m.fail(path + "tables[" + std::to_string(i) + "]", " tables 中声明的表名", " \"" + r.tables[i] + "\"");
    if (!o->has("rectification")) m.fail(path + "rectification", "对象 {\"kind\": …, \"days\": …}", "缺失");
    r.rectification = m.rectification(o->get("rectification"), path + "rectification");
    r.refs = m.text(o, "refs", path, true);
    r.amount = m.text(o, "amount", path, false);
    return r;
}

SettingType settingType(const MetadataReader& m, const std::string& word, const std::string& path) {
    if (word == "integer") return SettingType::Integer;
    if (word == "money") return SettingType::Money;
    if (word == "ratio" || word == "decimal") return SettingType::Ratio;
    if (word == "time") return SettingType::Time;
    if (word == "text") return SettingType::Text;
    if (word == "list") return SettingType::List;
    m.fail(path, " integer、money、ratio、time、text、list 之一", " \"" + word + "\"");
}

SettingInfo readSetting(const MetadataReader& m, const Object::Ptr& o, const std::string& path) {
    m.knownKeys(o, path, {"key", "name", "type", "default", "min", "max", "description"});
    SettingInfo s;
    s.key = m.identifier(o, "key", path);
    s.name = m.text(o, "name", path, false);
    s.type = settingType(m, m.text(o, "type", path, true), path + "type");
    s.description = m.text(o, "description", path, false);
    auto canonical = [&](const std::string& key) -> std::optional<std::string> {
        const auto raw = m.settingText(o, key, path);
        if (!raw) return std::nullopt;
        const auto value = canonicalSettingValue(s.type, *raw);
        if (!value) m.fail(path + key, settingTypeDescription(s.type), " \"" + *raw + "\"");
        return value;
    };
    const auto def = canonical("default");
    if (!def) m.fail(path + "default", "默认值", "缺失");
    s.defaultValue = *def;
    const bool numeric = s.type != SettingType::Text && s.type != SettingType::List;
    for (const char* key : {"min", "max"})
        if (!numeric && o->has(key)) m.fail(path + key, "只在 integer、money、ratio、time 设置上出现的范围", " " + std::string(settingTypeName(s.type)) + " 设置上的 " + key);
    s.min = canonical("min");
    s.max = canonical("max");
    if (s.min && s.max && compareSettingValues(s.type, *s.min, *s.max) > 0) m.fail(path + "min", "不大于 max（" + *s.max + "）的值", " " + *s.min);
    if ((s.min && compareSettingValues(s.type, s.defaultValue, *s.min) < 0) || (s.max && compareSettingValues(s.type, s.defaultValue, *s.max) > 0))
        m.fail(path + "default", "在 min 与 max 之间的值", " " + s.defaultValue);
    return s;
}

CategoryInfo readCategory(const MetadataReader& m, const Object::Ptr& o, const std::string& path) {
    m.knownKeys(o, path, {"code", "name", "group", "bucket", "rectification"});
    CategoryInfo c;
    c.code = m.identifier(o, "code", path);
    c.name = m.text(o, "name", path, true);
    c.group = m.text(o, "group", path, false);
    c.bucket = m.text(o, "bucket", path, false);
    if (o->has("rectification")) c.rectification = m.rectification(o->get("rectification"), path + "rectification");
    return c;
}

}  // namespace

const data::TableSchema* PluginMetadata::table(const std::string& tableName) const {
    for (const auto& t : tables)
        if (t.name == tableName) return &t;
    return nullptr;
}

const RuleInfo* PluginMetadata::rule(const std::string& code) const {
    for (const auto& r : rules)
        if (r.code == code) return &r;
    return nullptr;
}

const SettingInfo* PluginMetadata::setting(const std::string& key) const {
    for (const auto& s : settings)
        if (s.key == key) return &s;
    return nullptr;
}

const char* settingTypeName(SettingType type) {
    switch (type) {
    case SettingType::Integer: return "integer";
    case SettingType::Money: return "money";
    case SettingType::Ratio: return "ratio";
    case SettingType::Time: return "time";
    case SettingType::Text: return "text";
    case SettingType::List: return "list";
    }
    return "?";
}

std::optional<AbiVersion> parseAbiVersion(const std::string& text) {
    const auto dot = text.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == text.size() || dot > 4 || text.size() - dot - 1 > 4) return std::nullopt;
    for (size_t i = 0; i < text.size(); ++i)
        if (i != dot && (text[i] < '0' || text[i] > '9')) return std::nullopt;
    return AbiVersion{std::stoi(text.substr(0, dot)), std::stoi(text.substr(dot + 1))};
}

PluginMetadata parseMetadata(const std::string& jsonText, const std::string& source) {
    const MetadataReader m(source);
    if (const auto syntax = findJsonSyntaxError(jsonText))
        throw MetadataError("元数据 " + source + " 无效：第 " + std::to_string(syntax->line) + " 行第 " + std::to_string(syntax->column) +
                            " 列不是合法的 JSON：应为" + syntax->expected + "，实际为" + syntax->found);
    Var rootVar;
    try {
        Poco::JSON::Parser parser;
        rootVar = parser.parse(jsonText);
    } catch (const Poco::Exception& e) {
        throw MetadataError("元数据 " + source + " 无效：不是合法的 JSON（" + e.message() + "）");
    }
    const Object::Ptr root = m.object(rootVar, "(根)");
    m.knownKeys(root, "", {"id", "name", "version", "abi", "description", "tables", "rules", "settings", "checklist", "categories"});
    PluginMetadata meta;
    meta.id = m.identifier(root, "id", "");
    meta.name = m.text(root, "name", "", true);
    meta.version = m.text(root, "version", "", true);
    const std::string abi = m.text(root, "abi", "", true);
    const auto version = parseAbiVersion(abi);
    if (!version) m.fail("abi", "“主版本.次版本”形式的 ABI 版本（如 \"1.0\"）", " \"" + abi + "\"");
    meta.abi = *version;
    meta.description = m.text(root, "description", "", false);

    const Array::Ptr tables = m.array(root, "tables", "", true);
    for (size_t i = 0; i < tables->size(); ++i) {
        const std::string p = "tables[" + std::to_string(i) + "]";
        data::TableSchema t = readTable(m, m.object(tables->get(static_cast<unsigned>(i)), p), p + ".");
        if (meta.table(t.name)) m.fail(p + ".name", "唯一的表名", "重复的 \"" + t.name + "\"");
        for (const auto& other : meta.tables)
            if (other.file == t.file) m.fail(p + ".file", "唯一的文件名", "重复的 \"" + t.file + "\"");
        meta.tables.push_back(std::move(t));
    }
    const Array::Ptr categories = m.array(root, "categories", "", false);
    for (size_t i = 0; i < categories->size(); ++i) {
        const std::string p = "categories[" + std::to_string(i) + "]";
        CategoryInfo c = readCategory(m, m.object(categories->get(static_cast<unsigned>(i)), p), p + ".");
        for (const auto& other : meta.categories)
            if (other.code == c.code) m.fail(p + ".code", "唯一的类别代码", "重复的 \"" + c.code + "\"");
        meta.categories.push_back(std::move(c));
    }
    const Array::Ptr rules = m.array(root, "rules", "", true);
    if (rules->size() == 0) m.fail("rules", "至少一条规则", "空数组");
    for (size_t i = 0; i < rules->size(); ++i) {
        const std::string p = "rules[" + std::to_string(i) + "]";
        RuleInfo r = readRule(m, m.object(rules->get(static_cast<unsigned>(i)), p), p + ".", meta);
        if (meta.rule(r.code)) m.fail(p + ".code", "唯一的规则代码", "重复的 \"" + r.code + "\"");
        meta.rules.push_back(std::move(r));
    }
    const Array::Ptr settings = m.array(root, "settings", "", false);
    for (size_t i = 0; i < settings->size(); ++i) {
        const std::string p = "settings[" + std::to_string(i) + "]";
        SettingInfo s = readSetting(m, m.object(settings->get(static_cast<unsigned>(i)), p), p + ".");
        if (meta.setting(s.key)) m.fail(p + ".key", "唯一的设置项名", "重复的 \"" + s.key + "\"");
        meta.settings.push_back(std::move(s));
    }
    meta.checklist = m.strings(root, "checklist", "", false);
    return meta;
}

PluginMetadata readMetadataFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw MetadataError("元数据文件 " + file.filename().string() + " 无法读取");
    std::ostringstream text;
    text << in.rdbuf();
    return parseMetadata(text.str(), file.filename().string());
}

}  // namespace patrol::plugins
