// `patrol plugin list|show|verify`: the installed check plugins, their state and metadata,
// and a one-file check for plugin authors.
#include "core/cli/app.hpp"
#include "core/cli/exit_code.hpp"
#include "core/domain/errors.hpp"
#include "core/domain/rectification_kind.hpp"
#include "core/domain/severity.hpp"
#include "core/plugins/plugin_catalog.hpp"
#include "core/plugins/plugin_settings.hpp"
#include "core/services/check_service.hpp"

#include <patrol/plugin_abi.h>

#include <algorithm>
#include <ostream>
#include <sstream>

namespace patrol::cli {
namespace {

bool isolateFrom(const Invocation& inv) { return inv.args.has("isolate") || inv.app.settings().flag("plugins.isolate"); }

plugins::PluginCatalog loadedCatalog(const Invocation& inv) {
    for (const auto& warning : services::missingPluginFolders(inv.app.settings())) inv.err << warning << "\n";
    plugins::PluginCatalog catalog = plugins::PluginCatalog::discover(services::pluginFolders(inv.app.settings()));
    catalog.loadAll(isolateFrom(inv));
    return catalog;
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

int runPluginList(Invocation& inv) {
    const ListingFormat format = inv.format();
    const plugins::PluginCatalog catalog = loadedCatalog(inv);
    Listing listing({{"id", "编号"}, {"name", "名称"}, {"version", "版本"}, {"abi", "ABI"}, {"state", "状态"}, {"error", "错误"}, {"file", "文件"}});
    for (const auto& p : catalog.plugins()) {
        const auto& m = p.metadata;
        const auto status = p.status();
        listing.add({Cell::of(p.id), m ? Cell::of(m->name) : Cell{}, m ? Cell::of(m->version) : Cell{}, m ? Cell::of(m->abi.text()) : Cell{},
                     Cell::of(std::string(showsLabels(format) ? plugins::stateLabel(status.state) : plugins::stateCode(status.state))),
                     status.error.empty() ? Cell{} : Cell::of(status.error), Cell::of(p.library.string())});
    }
    listing.print(inv.out, format);
    if (format == ListingFormat::Table && catalog.plugins().empty()) {
        std::vector<std::string> folders;
        for (const auto& f : catalog.folders()) folders.push_back(f.string());
        inv.out << "没有找到插件。搜索的目录：" << joined(folders, "；") << "\n";
    }
    return 0;
}

// "立行立改 30 天" in a table; JSON keeps "immediate 30 天" as before.
std::string rectificationText(const plugins::RectificationDefault& r, ListingFormat format) {
    return (showsLabels(format) ? labelOf(domain::rectificationKinds, r.kind) : r.kind) + " " + std::to_string(r.days) + " 天";
}

// A rule's category: its name in the plugin's own list of categories in a table, the code in JSON.
Cell categoryCell(const plugins::PluginMetadata& m, const std::string& code) {
    for (const auto& c : m.categories)
        if (c.code == code) return Cell::term(code, c.name);
    return Cell::of(code);
}

std::string columnText(const data::ColumnSchema& c) {
    std::vector<std::string> notes;
    if (c.required) notes.push_back("必填");
    if (c.isId) notes.push_back("编号，不得重复");
    if (!c.words.empty()) notes.push_back("取值：" + joined(c.words, "、"));
    if (c.min) notes.push_back("不小于 " + std::to_string(*c.min));
    if (c.requiredWhen) {
        std::string when = c.requiredWhen->column + " 为 " + joined(c.requiredWhen->in, "、") + " 时必填";
        if (c.requiredWhen->min) when += "且不小于 " + std::to_string(*c.requiredWhen->min);
        notes.push_back(when);
    }
    return joined(notes, "；");
}

int runPluginShow(Invocation& inv) {
    const ListingFormat format = inv.format();
    plugins::PluginCatalog catalog = loadedCatalog(inv);
    const std::string id = inv.args.positional().at(0);
    plugins::PluginEntry* p = catalog.find(id);
    if (!p) {
        std::vector<std::string> ids;
        for (const auto& e : catalog.plugins()) ids.push_back(e.id);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        throw UserError("未知的插件 " + id + "。已安装的插件：" + (ids.empty() ? std::string("无") : joined(ids, "、")) + "。" +
                        services::searchedFolders(catalog.folders()) + "。请用 patrol plugin list 查看。");
    }
    const auto status = p->status();
    if (!p->metadata) throw UserError(status.error);
    const plugins::PluginMetadata& m = *p->metadata;
    const auto overrides = services::pluginSettingOverrides(inv.app.settings(), id);

    if (format == ListingFormat::Table) {
        inv.out << m.name << "（" << m.id << "）版本 " << m.version << "，插件 ABI " << m.abi.text() << "，状态：" << plugins::stateLabel(status.state) << "\n";
        if (!status.error.empty()) inv.out << "错误：" << status.error << "\n";
        inv.out << m.description << "\n文件：" << p->library.string() << "\n";
    }
    Listing tables({{"table", "表"}, {"file", "文件"}, {"column", "列"}, {"type", "类型"}, {"rules", "要求"}});
    for (const auto& t : m.tables)
        for (const auto& c : t.columns)
            tables.add({Cell::of(t.name + (t.title.empty() ? "" : "（" + t.title + "）")), Cell::of(t.file), Cell::of(c.name),
                        Cell::of(data::columnTypeName(c.type)), Cell::of(columnText(c))});
    Listing rules({{"code", "规则"}, {"name", "名称"}, {"severity", "严重程度"}, {"category", "类别"}, {"tables", "所需表"},
                   {"rectification", "默认整改"}, {"refs", "关联记录"}, {"amount", "金额"}});
    for (const auto& r : m.rules)
        rules.add({Cell::of(r.code), Cell::of(r.name), termCell(domain::severities, r.severity), categoryCell(m, r.category),
                   Cell::of(joined(r.tables, "、")), Cell::of(rectificationText(r.rectification, format)), Cell::of(r.refs), r.amount.empty() ? Cell{} : Cell::of(r.amount)});
    Listing settings({{"key", "设置项"}, {"name", "名称"}, {"type", "类型"}, {"default", "默认值"}, {"value", "当前值"}, {"range", "范围"}});
    for (const auto& s : m.settings) {
        const auto it = overrides.find(s.key);
        const std::string range = s.min || s.max ? (s.min ? *s.min : "") + " ~ " + (s.max ? *s.max : "") : "";
        settings.add({Cell::of(s.key), Cell::of(s.name.empty() ? s.description : s.name), Cell::of(plugins::settingTypeName(s.type)),
                      Cell::of(s.defaultValue), Cell::of(it == overrides.end() ? s.defaultValue : plugins::canonicalSettingValue(s.type, it->second).value_or(it->second)), range.empty() ? Cell{} : Cell::of(range)});
    }
    Listing checklist({{"number", "序号"}, {"item", "检查要点"}});
    for (size_t i = 0; i < m.checklist.size(); ++i) checklist.add({Cell::number(static_cast<int64_t>(i + 1)), Cell::of(m.checklist[i])});
    Listing categories({{"code", "类别"}, {"name", "名称"}, {"group", "分组"}, {"bucket", "统计口径"}, {"rectification", "默认整改"}});
    for (const auto& c : m.categories)
        categories.add({Cell::of(c.code), Cell::of(c.name), c.group.empty() ? Cell{} : Cell::of(c.group), c.bucket.empty() ? Cell{} : Cell::of(c.bucket),
                        c.rectification ? Cell::of(rectificationText(*c.rectification, format)) : Cell{}});

    if (format == ListingFormat::Table) {
        const std::pair<const char*, const Listing*> sections[] = {
            {"数据表", &tables}, {"规则", &rules}, {"设置", &settings}, {"检查要点", &checklist}, {"问题类别", &categories}};
        for (const auto& [title, listing] : sections) {
            inv.out << "\n" << title << "：\n";
            if (listing->size() == 0)
                inv.out << "（无）\n";
            else
                listing->print(inv.out, ListingFormat::Table);
        }
        return 0;
    }
    if (format == ListingFormat::Csv || format == ListingFormat::ExcelCsv)
        throw UserError("plugin show 不支持 --format csv（内容有多个部分）。请用 table 或 json。");
    // One JSON object with each section as an array.
    auto section = [&](const char* name, const Listing& listing) {
        std::ostringstream json;
        listing.print(json, ListingFormat::Json);
        std::string text = json.str();
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        std::string out;
        out.push_back('"');
        out.append(name).append("\":").append(text);
        return out;
    };
    inv.out << "{\"id\":" << jsonQuote(m.id) << ",\"name\":" << jsonQuote(m.name) << ",\"version\":" << jsonQuote(m.version)
            << ",\"abi\":" << jsonQuote(m.abi.text()) << ",\"state\":" << jsonQuote(std::string(plugins::stateCode(status.state)))
            << ",\"error\":" << (status.error.empty() ? std::string("null") : jsonQuote(status.error)) << ",\"description\":" << jsonQuote(m.description)
            << "," << section("columns", tables) << "," << section("rules", rules) << "," << section("settings", settings) << ","
            << section("checklist", checklist) << "," << section("categories", categories) << "}\n";
    return 0;
}

int runPluginVerify(Invocation& inv) {
    const std::filesystem::path file = std::filesystem::absolute(inv.args.positional().at(0)).lexically_normal();
    plugins::PluginEntry p = plugins::inspectPlugin(file);
    // Loading runs plugin code (static initializers): do it in a child so a crash is reported.
    plugins::loadPlugin(p, true);
    if (const auto status = p.status(); status.state == plugins::PluginState::Failed) {
        inv.err << "不可用：" << status.error << "\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    const auto& m = *p.metadata;
    inv.out << "可用：插件 " << m.id << "（" << m.name << "）版本 " << m.version << "，插件 ABI " << m.abi.text() << "（本程序 "
            << PATROL_ABI_MAJOR << "." << PATROL_ABI_MINOR << "），数据表 " << m.tables.size() << " 张，规则 " << m.rules.size() << " 条，设置 "
            << m.settings.size() << " 项，检查要点 " << m.checklist.size() << " 条，问题类别 " << m.categories.size() << " 个。\n";
    return 0;
}

const OptionSpec kIsolate{"isolate", "", "在子进程中加载插件（配置 plugins.isolate）"};

const Registration pluginListRegistration{CommandSpec{{"plugin", "list"},
                                                "列出已安装的检查插件及其状态、版本、ABI 与错误",
                                                {formatOption(), kIsolate},
                                                "",
                                                0,
                                                0,
                                                "  patrol plugin list\n  patrol plugin list --format json\n",
                                                runPluginList}};
const Registration pluginShowRegistration{CommandSpec{{"plugin", "show"},
                                                "显示一个插件的数据表、规则、设置、检查要点和问题类别",
                                                {formatOption(), kIsolate},
                                                "ID",
                                                1,
                                                1,
                                                "  patrol plugin show four_styles\n",
                                                runPluginShow}};
const Registration pluginVerifyRegistration{CommandSpec{{"plugin", "verify"},
                                                  "检查一个插件文件（.so 及同名 .json）能否使用，并说明问题所在",
                                                  {},
                                                  "PATH",
                                                  1,
                                                  1,
                                                  "  patrol plugin verify ./build/plugins/my_check.so\n",
                                                  runPluginVerify}};

}  // namespace
}  // namespace patrol::cli
