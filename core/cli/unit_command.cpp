// `patrol unit add|import|list`: the inspected units (单位) and their tree.
#include <ostream>

#include "core/cli/session.hpp"
#include "core/domain/unit_kind.hpp"
#include "core/services/unit_service.hpp"

namespace patrol::cli {
namespace {

int runAdd(Invocation& inv) {
    auto s = openSession(inv);
    const auto unit = services::addUnit(s.db, s.actor,
                                        {inv.args.required("code"), inv.args.required("name"), inv.args.required("kind"),
                                         inv.args.value("parent")});
    inv.out << "已添加单位 " << unit.code << " " << unit.name << "（"
            << domain::unitKinds.labelOf(unit.kind) << "）";
    if (unit.parentCode) inv.out << "，上级单位 " << *unit.parentCode;
    inv.out << "\n";
    return 0;
}

int runImport(Invocation& inv) {
    auto s = openSession(inv);
    const std::string file = inv.args.positional().at(0);
    const size_t added = services::importUnits(s.db, s.actor, file);
    inv.out << "已从 " << file << " 导入 " << added << " 个单位\n";
    return 0;
}

int runList(Invocation& inv) {
    const ListingFormat format = inv.format();
    auto s = openSession(inv);
    Listing listing({{"code", "编码"}, {"name", "名称"}, {"kind", "类型"}, {"kind_name", "类型名称", false}, {"parent", "上级单位"}});
    for (const auto& u : services::listUnits(s.db, s.actor))
        listing.add({Cell::of(u.code), Cell::of(u.name), termCell(domain::unitKinds, u.kind),
                     Cell::of(domain::unitKinds.labelOf(u.kind)),
                     Cell::optionalText(u.parentCode)});
    listing.print(inv.out, format);
    return 0;
}

const std::string kKinds = "township|department|village|community|enterprise|other";

const Registration add{CommandSpec{{"unit", "add"},
                                   "添加一个单位",
                                   {{"code", "CODE", "单位编码（字母、数字、- _ .）"},
                                    {"name", "NAME", "单位名称"},
                                    {"kind", kKinds, "单位类型"},
                                    {"parent", "CODE", "上级单位编码"}},
                                   "",
                                   0,
                                   0,
                                   "  patrol unit add --code QX-HT --name 河塘镇 --kind township --parent QX\n",
                                   runAdd}};

const Registration import{CommandSpec{{"unit", "import"},
                                      "从 CSV 文件导入单位（列：code,name,kind,parent_code；全部成功或全部不导入）",
                                      {},
                                      "FILE.csv",
                                      1,
                                      1,
                                      "  patrol unit import units.csv\n",
                                      runImport}};

const Registration list{CommandSpec{{"unit", "list"}, "列出单位", {formatOption()}, "", 0, 0,
                                    "  patrol unit list\n  patrol unit list --format json\n", runList}};

}  // namespace
}  // namespace patrol::cli
