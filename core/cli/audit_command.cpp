// `patrol audit verify|log`: checking and reading the hash-chained audit log.
#include <ostream>

#include "core/cli/session.hpp"
#include "core/services/audit_service.hpp"

namespace patrol::cli {
namespace {

int runVerify(Invocation& inv) {
    auto s = openSession(inv);
    const auto report = services::verifyAudit(s.db, s.actor);
    if (report.firstBrokenId) {
        inv.err << "审计日志核验失败：" << report.problem << "\n从事件 #" << *report.firstBrokenId
                << " 起的记录不可信，请从备份恢复并调查改动来源。\n";
        return 1;
    }
    inv.out << "审计日志完整：共核验 " << report.eventsChecked << " 条事件，哈希链无断裂\n";
    return 0;
}

Cell jsonOrNull(const std::optional<std::string>& text) { return text ? Cell::json(*text) : Cell{}; }

int runLog(Invocation& inv) {
    const ListingFormat format = inv.format();
    auto s = openSession(inv);
    const auto events = services::auditLog(
        s.db, s.actor, {inv.args.value("entity"), inv.args.value("actor"), inv.args.value("since"), inv.args.value("limit")});
    Listing listing({{"id", "序号"},
                     {"at", "时间（UTC）"},
                     {"actor", "操作人"},
                     {"action", "操作"},
                     {"entity", "对象"},
                     {"entity_id", "对象编号"},
                     {"before", "改动前"},
                     {"after", "改动后"},
                     {"hash", "哈希"}});
    for (const auto& e : events)
        listing.add({Cell::number(e.id), Cell::of(e.at), Cell::of(e.content.actor), Cell::of(e.content.action),
                     Cell::of(e.content.entity), Cell::of(e.content.entityId), jsonOrNull(e.content.before),
                     jsonOrNull(e.content.after), Cell::of(e.hash)});
    listing.print(inv.out, format);
    return 0;
}

const Registration verify{CommandSpec{{"audit", "verify"},
                                      "核验审计日志的哈希链，指出第一条被改动的事件（有改动时退出码为 1）",
                                      {},
                                      "",
                                      0,
                                      0,
                                      "  patrol audit verify\n",
                                      runVerify}};

const Registration log{CommandSpec{{"audit", "log"},
                                   "列出审计事件（按时间先后）",
                                   {{"entity", "NAME", "只列此类对象：unit|user|round|finding|task …"},
                                    {"actor", "NAME", "只列此操作人"},
                                    {"since", "YYYY-MM-DD", "只列此日期（UTC）及以后的事件"},
                                    {"limit", "N", "只列最近 N 条"},
                                    formatOption()},
                                   "",
                                   0,
                                   0,
                                   "  patrol audit log --entity round --limit 20\n",
                                   runLog}};

}  // namespace
}  // namespace patrol::cli
