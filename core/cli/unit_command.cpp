// `patrol unit add|import|edit|list|show`: the inspected units (单位) and their tree.
#include <ostream>

#include "core/cli/session.hpp"
#include "core/cli/progress_line.hpp"
#include "core/domain/errors.hpp"
#include "core/domain/unit_kind.hpp"
#include "core/services/read_limits_setting.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"
#include "core/services/unit_service.hpp"

namespace patrol::cli {
namespace {

std::string orNone(const std::optional<std::string>& text) { return text ? *text : "（无）"; }

int runUnitAdd(Invocation& inv) {
    auto s = openSession(inv);
    const auto unit = services::addUnit(s.db, s.actor,
                                        {inv.args.required("code"), inv.args.required("name"), inv.args.required("kind"),
                                         inv.args.value("parent"), inv.args.value("head"), inv.args.value("contact")});
    inv.out << "已添加单位 " << unit.code << " " << unit.name << "（"
            << domain::unitKinds.labelOf(unit.kind) << "）";
    if (unit.parentCode) inv.out << "，上级单位 " << *unit.parentCode;
    if (unit.head) inv.out << "，负责人 " << *unit.head;
    if (unit.contact) inv.out << "，联系人 " << *unit.contact;
    inv.out << "\n";
    return 0;
}

int runUnitEdit(Invocation& inv) {
    services::UnitEdit edit{inv.args.value("name"), inv.args.value("kind"), inv.args.value("parent"),
                            inv.args.value("head"), inv.args.value("contact")};
    if (!edit.name && !edit.kind && !edit.parentCode && !edit.head && !edit.contact)
        throw UserError("请至少指定一项要修改的内容：--name、--kind、--parent、--head 或 --contact（给空值 \"\" 可清除上级单位、负责人或联系人）。");
    auto s = openSession(inv);
    const auto result = services::editUnit(s.db, s.actor, inv.args.positional().at(0), edit);
    const auto& b = result.before;
    const auto& a = result.after;
    if (!result.changed()) {
        inv.out << "单位 " << a.code << " 没有改动：给出的内容与现有记录相同\n";
        return 0;
    }
    std::string changes;
    const auto note = [&](const char* what, const std::string& from, const std::string& to) {
        if (from != to) changes += (changes.empty() ? "" : "；") + std::string(what) + " " + from + " → " + to;
    };
    note("名称", b.name, a.name);
    note("类型", domain::unitKinds.labelOf(b.kind), domain::unitKinds.labelOf(a.kind));
    note("上级单位", orNone(b.parentCode), orNone(a.parentCode));
    note("负责人", orNone(b.head), orNone(a.head));
    note("联系人", orNone(b.contact), orNone(a.contact));
    inv.out << "已修改单位 " << a.code << "：" << changes << "\n";
    return 0;
}

int runUnitShow(Invocation& inv) {
    const ListingFormat format = inv.format();
    auto s = openSession(inv);
    const auto u = services::requireVisibleUnit(s.db, s.actor, inv.args.positional().at(0));
    if (format == ListingFormat::Json) {
        inv.out << services::jsonText(services::unitView(u)) << "\n";
        return 0;
    }
    inv.out << "单位编码：" << u.code << "\n名称：" << u.name << "\n类型：" << domain::unitKinds.labelOf(u.kind)
            << "\n上级单位：" << u.parentCode.value_or("-") << "\n负责人：" << u.head.value_or("-")
            << "\n联系人：" << u.contact.value_or("-") << "\n";
    return 0;
}

int runImport(Invocation& inv) {
    auto s = openSession(inv);
    const std::string file = inv.args.positional().at(0);
    ProgressLine progress(inv.err, showsProgress(inv));
    const size_t added = services::importUnits(s.db, s.actor, file, services::readLimits(inv.app.settings()), "", progress.sink());
    progress.clear();
    inv.out << "已从 " << file << " 导入 " << added << " 个单位\n";
    return 0;
}

int runUnitList(Invocation& inv) {
    const ListingFormat format = inv.format();
    auto s = openSession(inv);
    const auto units = services::listUnits(s.db, s.actor);
    if (format == ListingFormat::Json) {
        std::vector<Poco::JSON::Object::Ptr> views;
        for (const auto& u : units) views.push_back(services::unitView(u));
        inv.out << services::viewListText(views);
        return 0;
    }
    Listing listing({{"code", "编码"}, {"name", "名称"}, {"kind", "类型"}, {"kind_name", "类型名称", false}, {"parent", "上级单位"},
                     {"head", "负责人"}, {"contact", "联系人"}});
    for (const auto& u : units)
        listing.add({Cell::of(u.code), Cell::of(u.name), termCell(domain::unitKinds, u.kind),
                     Cell::of(domain::unitKinds.labelOf(u.kind)),
                     Cell::optionalText(u.parentCode), Cell::optionalText(u.head), Cell::optionalText(u.contact)});
    listing.print(inv.out, format);
    return 0;
}

const std::string kUnitKinds = "township|department|village|community|enterprise|other";

const Registration unitAddRegistration{CommandSpec{{"unit", "add"},
                                   "添加一个单位",
                                   {{"code", "CODE", "单位编码（字母、数字、- _ .）"},
                                    {"name", "NAME", "单位名称"},
                                    {"kind", kUnitKinds, "单位类型"},
                                    {"parent", "CODE", "上级单位编码"},
                                    {"head", "NAME", "主要负责人姓名（预警通知的红色督办对象）"},
                                    {"contact", "TEXT", "联系人及电话"}},
                                   "",
                                   0,
                                   0,
                                   "  patrol unit add --code QX-HT --name 河塘镇 --kind township --parent QX --head 周建国\n",
                                   runUnitAdd}};

const Registration unitEditRegistration{CommandSpec{{"unit", "edit"},
                                    "修改单位的名称、类型、上级单位、负责人或联系人（留有修改前后的审计记录）",
                                    {{"name", "NAME", "新的单位名称"},
                                     {"kind", kUnitKinds, "新的单位类型"},
                                     {"parent", "CODE", "新的上级单位编码（\"\" 清除）"},
                                     {"head", "NAME", "主要负责人姓名（\"\" 清除）"},
                                     {"contact", "TEXT", "联系人及电话（\"\" 清除）"}},
                                    "CODE",
                                    1,
                                    1,
                                    "  patrol unit edit QX-HT --name 河塘镇 --head 周建国 --contact \"李娜 0571-8800123\"\n",
                                    runUnitEdit}};

const Registration unitShowRegistration{CommandSpec{{"unit", "show"}, "显示一个单位：类型、上级单位、负责人和联系人",
                                    {showFormatOption()}, "CODE", 1, 1, "  patrol unit show QX-HT\n", runUnitShow}};

const Registration unitImportRegistration{CommandSpec{{"unit", "import"},
                                      "从 CSV 文件导入单位（列：code,name,kind,parent_code，可选 head,contact；全部成功或全部不导入）",
                                      {quietOption()},
                                      "FILE.csv",
                                      1,
                                      1,
                                      "  patrol unit import units.csv\n",
                                      runImport}};

const Registration unitListRegistration{CommandSpec{{"unit", "list"}, "列出单位", {formatOption()}, "", 0, 0,
                                    "  patrol unit list\n  patrol unit list --format json\n", runUnitList}};

}  // namespace
}  // namespace patrol::cli
