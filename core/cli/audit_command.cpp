// `patrol audit verify|log`: checking and reading the hash-chained audit log.
#include <ostream>

#include "core/cli/error_hints.hpp"
#include "core/cli/session.hpp"
#include "core/services/audit_service.hpp"

namespace patrol::cli {
namespace {

int runAuditVerify(Invocation& inv) {
    auto s = openSession(inv);
    const auto chain = services::verifyAudit(s.db, s.actor);
    if (chain.firstBrokenId) {
        inv.err << "审计日志核验失败：" << chain.problem << "\n从事件 #" << *chain.firstBrokenId
                << " 起的记录不可信，请从备份恢复并调查改动来源。\n";
        return 1;
    }
    inv.out << "审计日志完整：共核验 " << chain.eventsChecked << " 条事件，哈希链无断裂\n";
    const auto rows = services::verifyAuditedData(s.db, s.actor);
    for (const auto& warning : rows.warnings) inv.err << "警告：" << withNextStep(warning, {"audit.baseline", ""}) << "\n";
    if (!rows.problems.empty()) {
        inv.err << "数据核验失败：" << rows.problems.front() << "\n";
        if (rows.problems.size() > 1) inv.err << "另有 " << rows.problems.size() - 1 << " 处不符。\n";
        inv.err << "请从备份恢复这些数据，并调查改动来源。\n";
        return 1;
    }
    inv.out << "数据与审计记录一致：共核对 " << rows.rowsChecked << " 行\n";
    return 0;
}

int runBaseline(Invocation& inv) {
    auto s = openSession(inv);
    const int64_t written = services::recordAuditBaseline(s.db, s.actor);
    if (written == 0) inv.out << "所有行的最近审计事件都已记录完整状态，无需记录基线\n";
    else inv.out << "已为 " << written << " 条记录写入审计基线事件（audit.baseline）：此后 patrol audit verify 会逐行核对它们\n";
    return 0;
}

Cell jsonOrNull(const std::optional<std::string>& text) { return text ? Cell::json(*text) : Cell{}; }

// The start of `text` that fits `width` terminal columns, with "…" when cut: a table stays
// readable; --format json and csv carry the whole text.
std::string clipped(const std::string& text, size_t width) {
    if (displayWidth(text) <= width) return text;
    std::string out;
    size_t used = 0;
    for (size_t i = 0; i < text.size();) {
        size_t len = 1;
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead >= 0xF0) len = 4;
        else if (lead >= 0xE0) len = 3;
        else if (lead >= 0xC0) len = 2;
        const std::string ch = text.substr(i, len);
        const size_t w = displayWidth(ch);
        if (used + w + 1 > width) break;
        out += ch;
        used += w;
        i += len;
    }
    return out + "…";
}

constexpr size_t kJsonColumnWidth = 40;
constexpr size_t kHashColumnWidth = 12;

Cell shortJson(const std::optional<std::string>& text, bool table) {
    if (!table || !text) return jsonOrNull(text);
    return Cell::of(clipped(*text, kJsonColumnWidth));
}

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
    const bool table = format == ListingFormat::Table;
    for (const auto& e : events)
        listing.add({Cell::number(e.id), Cell::of(e.at), Cell::of(e.content.actor), Cell::of(e.content.action),
                     Cell::of(e.content.entity), Cell::of(e.content.entityId), shortJson(e.content.before, table),
                     shortJson(e.content.after, table), Cell::of(table ? e.hash.substr(0, kHashColumnWidth) : e.hash)});
    listing.print(inv.out, format);
    return 0;
}

const Registration auditVerifyRegistration{CommandSpec{{"audit", "verify"},
                                      "核验审计日志的哈希链，并逐行核对数据与其最近的审计事件；指出第一处改动（有改动时退出码为 1）",
                                      {},
                                      "",
                                      0,
                                      0,
                                      "  patrol audit verify\n",
                                      runAuditVerify}};

const Registration auditBaselineRegistration{CommandSpec{{"audit", "baseline"},
                                        "为旧版本写入、未记录完整状态的记录写入基线事件（管理员；数据与审计记录不符时拒绝）",
                                        {},
                                        "",
                                        0,
                                        0,
                                        "  patrol audit verify && patrol audit baseline\n",
                                        runBaseline}};

const Registration auditLogRegistration{CommandSpec{{"audit", "log"},
                                   "列出审计事件（按时间先后；表格中改动前后的 JSON 截短显示，--format json 给出全文）",
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
