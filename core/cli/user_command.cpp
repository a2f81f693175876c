// `patrol user add|list|revoke|restore|password`: users, their roles, API tokens and passwords.
#include <ostream>

#include "core/cli/password_entry.hpp"
#include "core/cli/session.hpp"
#include "core/domain/role.hpp"
#include "core/services/auth_service.hpp"
#include "core/services/user_service.hpp"

namespace patrol::cli {
namespace {

int runUserAdd(Invocation& inv) {
    auto s = openSession(inv);
    const auto added = services::addUser(s.db, s.actor,
                                         {inv.args.required("name"), inv.args.required("role"), inv.args.value("unit"),
                                          inv.args.values("conflict")});
    inv.out << "已添加用户「" << added.user.name << "」（" << domain::roles.labelOf(added.user.role) << "）";
    if (added.user.unitCode) inv.out << "，所属单位 " << *added.user.unitCode;
    inv.out << "\nAPI 令牌（只显示这一次，请妥善保存）：\n" << added.token << "\n";
    return 0;
}

int runUserList(Invocation& inv) {
    const ListingFormat format = inv.format();
    auto s = openSession(inv);
    Listing listing({{"name", "姓名"},
                     {"role", "角色"},
                     {"role_name", "角色名称", false},
                     {"unit", "所属单位"},
                     {"revoked", "已撤销"},
                     {"conflicts", "回避单位"}});
    for (const auto& v : services::listUsers(s.db, s.actor)) {
        std::string conflicts;
        for (const auto& c : v.conflictUnits) conflicts += (conflicts.empty() ? "" : ",") + c;
        listing.add({Cell::of(v.user.name), termCell(domain::roles, v.user.role),
                     Cell::of(domain::roles.labelOf(v.user.role)),
                     Cell::optionalText(v.user.unitCode), Cell::boolean(v.user.revoked), Cell::of(conflicts)});
    }
    listing.print(inv.out, format);
    return 0;
}

int runRevoke(Invocation& inv) {
    auto s = openSession(inv);
    const auto user = services::revokeUser(s.db, s.actor, inv.args.positional().at(0));
    inv.out << "已撤销用户「" << user.name << "」的访问权限，其 API 令牌不再有效（如需恢复：patrol user restore "
            << user.name << "）\n";
    return 0;
}

int runUserRestore(Invocation& inv) {
    auto s = openSession(inv);
    const auto restored = services::restoreUser(s.db, s.actor, inv.args.positional().at(0));
    inv.out << "已恢复用户「" << restored.user.name << "」（" << domain::roles.labelOf(restored.user.role)
            << "）的访问权限，原令牌仍然无效\n新的 API 令牌（只显示这一次，请妥善保存）：\n" << restored.token << "\n";
    return 0;
}

int runPassword(Invocation& inv) {
    const auto settings = services::authSettings(inv.app.settings());
    auto s = openSession(inv);
    const std::string name = inv.args.positional().at(0);
    services::checkPasswordChange(s.db, s.actor, name);  // refused before anyone types a password
    services::setPassword(s.db, s.actor, name, readNewPassword(name, inv.err), settings);
    inv.out << "已设置用户「" << name << "」的登录密码；用旧密码登录的会话均已结束。\n";
    return 0;
}

const Registration userAddRegistration{CommandSpec{{"user", "add"},
                                   "添加用户，并显示一次其 API 令牌（只保存加盐哈希）",
                                   {{"name", "NAME", "姓名"},
                                    {"role", "admin|inspector|unit|leader", "角色"},
                                    {"unit", "CODE", "所属单位（unit 角色必填）"},
                                    {"conflict", "CODE...", "需回避的单位（曾任职、亲属任职等），可给多个", true}},
                                   "",
                                   0,
                                   0,
                                   "  patrol user add --name 陈志强 --role inspector --conflict QX-SQ\n"
                                   "  patrol user add --name 赵敏 --role unit --unit QX-HT\n",
                                   runUserAdd}};

const Registration userListRegistration{CommandSpec{{"user", "list"}, "列出用户", {formatOption()}, "", 0, 0,
                                    "  patrol user list\n", runUserList}};

const Registration userRevokeRegistration{CommandSpec{{"user", "revoke"}, "撤销用户的访问权限（令牌立即失效）", {}, "NAME", 1, 1,
                                      "  patrol user revoke 陈志强\n", runRevoke}};

const Registration userRestoreRegistration{CommandSpec{{"user", "restore"}, "恢复被撤销用户的访问权限（发给新的 API 令牌）", {}, "NAME", 1,
                                       1, "  patrol user restore 陈志强\n", runUserRestore}};

const Registration userPasswordRegistration{CommandSpec{{"user", "password"},
                                        "设置用户的登录密码（从终端输入两次，或从标准输入读一行；不接受命令行参数）",
                                        {},
                                        "NAME",
                                        1,
                                        1,
                                        "  patrol user password 陈志强\n"
                                        "  patrol user password 陈志强 < 密码文件\n",
                                        runPassword}};

}  // namespace
}  // namespace patrol::cli
