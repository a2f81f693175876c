// `patrol task …`: rectification tasks (整改任务) — list, show with history, the unit's plan,
// progress with evidence and submission, acceptance or return, extension requests and decisions.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <ostream>

#include "core/cli/app.hpp"
#include "core/cli/evidence_files.hpp"
#include "core/cli/plugin_names.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/domain/escalation.hpp"
#include "core/domain/extension.hpp"
#include "core/domain/rectification_kind.hpp"
#include "core/domain/task_status.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/evidence_store.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"
#include "core/services/settings.hpp"
#include "core/services/task_audit.hpp"
#include "core/services/task_history_view.hpp"
#include "core/services/task_service.hpp"
#include "core/services/workflow_settings.hpp"

namespace patrol::cli {
namespace {

std::string statusText(const std::string& code) { return domain::taskStatuses.quotedOf(code); }
std::string levelText(const std::string& code) {
    return domain::escalationLevels.quotedOf(code);
}

Cell daysLeftCell(const store::TaskRecord& t, int32_t asOf) {
    const auto days = services::daysLeft(t, asOf);
    return days ? Cell::number(*days) : Cell{};
}

int runTaskList(Invocation& inv) {
    auto s = openSession(inv);
    services::TaskFilter filter;
    filter.roundCode = inv.args.value("round");
    filter.unitCode = inv.args.value("unit");
    filter.status = inv.args.value("status");
    filter.level = inv.args.value("level");
    filter.overdue = inv.args.has("overdue");
    filter.asOf = dateOption(inv, "as-of");
    const auto tasks = services::listTasks(s.db, s.actor, filter);
    if (inv.format() == ListingFormat::Json) {
        // Each element is the task's view plus days_left, which depends on --as-of.
        inv.out << services::listedTasksText(tasks, filter.asOf);
        return 0;
    }
    Listing listing({{"id", "编号"}, {"finding_id", "问题"}, {"round", "轮次"}, {"unit", "单位"}, {"kind", "类型"},
                     {"due", "期限"}, {"days_left", "剩余天数"}, {"status", "状态"}, {"level", "预警"},
                     {"handler", "责任人"}, {"title", "问题标题"}});
    for (const auto& t : tasks)
        listing.add({Cell::number(t.id), Cell::number(t.findingId), Cell::of(t.roundCode), Cell::of(t.unitCode),
                     termCell(domain::rectificationKinds, t.kind), Cell::of(t.dueDate), daysLeftCell(t, filter.asOf),
                     termCell(domain::taskStatuses, t.status), termCell(domain::escalationLevels, t.level),
                     Cell::optionalText(t.handler), Cell::of(t.findingTitle)});
    listing.print(inv.out, inv.format());
    return 0;
}

// One line per audited change: what happened, by whom, with the reason or note it carried.
std::string describeEvent(const store::AuditEvent& e) {
    std::string line = e.at + "  " + e.content.actor + "  " + e.content.action;
    if (!e.content.after) return line;
    try {
        const auto after = Poco::JSON::Parser().parse(*e.content.after).extract<Poco::JSON::Object::Ptr>();
        line += "  状态=" + labelOf(domain::taskStatuses, after->getValue<std::string>("status")) +
                " 预警=" +
                // An escalation says the level it rose from.
                (after->has("from") ? labelOf(domain::escalationLevels, after->getValue<std::string>("from")) + "→" : "") +
                labelOf(domain::escalationLevels, after->getValue<std::string>("level")) +
                " 期限=" + after->getValue<std::string>("due");
        for (const char* key : {"reason", "note", "requested_due", "notice"})
            if (after->has(key) && !after->isNull(key)) line += "  " + std::string(key) + "=" + after->getValue<std::string>(key);
    } catch (const Poco::Exception&) {
    }
    return line;
}

int runTaskShow(Invocation& inv) {
    auto s = openSession(inv);
    const auto h = services::showTask(s.db, s.actor, positionalId(inv, "任务编号"));
    const auto& t = h.task;
    if (inv.args.value("format") == std::string("json")) {
        inv.out << services::jsonText(services::taskHistoryView(h)) << "\n";
        return 0;
    }
    inv.out << "整改任务 #" << t.id << "\n"
            << "  问题:     #" << t.findingId << " " << t.findingTitle << "（"
            << PluginNames::installed(inv.app.settings()).categoryName(t.category) << "）\n"
            << "  轮次/单位: " << t.roundCode << " / " << t.unitCode << " " << t.unitName << "\n"
            << "  类型:     " << labelOf(domain::rectificationKinds, t.kind) << "\n"
            << "  交办日期: " << t.assignedOn << "    期限: " << t.dueDate << "\n"
            << "  状态:     " << labelOf(domain::taskStatuses, t.status) << "    预警: "
            << labelOf(domain::escalationLevels, t.level) << "    退回次数: "
            << t.returnedCount << "\n"
            << "  整改措施: " << t.measure.value_or("（未制定）") << "\n"
            << "  责任人:   " << t.handler.value_or("（未指定）") << "    责任领导: " << t.leader.value_or("（未指定）") << "\n";
    if (t.acceptedOn) inv.out << "  销号日期: " << *t.acceptedOn << "    核查意见: " << t.verificationNote.value_or("") << "\n";
    inv.out << "进展报告（" << h.progress.size() << "）:\n";
    for (const auto& p : h.progress)
        inv.out << "  " << p.reportedOn << "  " << p.author << "  " << p.percent << "%  " << p.narrative << "\n";
    inv.out << "佐证材料（" << h.evidence.size() << "）:\n";
    for (const auto& e : h.evidence)
        inv.out << "  #" << e.id << "  " << e.originalName << "  " << e.size << " 字节  sha256:" << e.sha256 << "\n";
    inv.out << "延期申请（" << h.extensions.size() << "）:\n";
    for (const auto& e : h.extensions) {
        inv.out << "  #" << e.id << "  " << e.previousDue << " → " << e.requestedDue << "  "
                << labelOf(domain::extensionStatuses, e.status) << "  " << e.reason;
        if (e.requestedOn) inv.out << "  申请于 " << *e.requestedOn;
        if (e.decidedOn) inv.out << "  审批于 " << *e.decidedOn;
        if (e.decisionReason) inv.out << "  审批意见: " << *e.decisionReason;
        inv.out << "\n";
    }
    inv.out << "预警通知（" << h.notices.size() << "）:\n";
    for (const auto& n : h.notices) inv.out << "  " << n.asOf << "  " << n.message << "\n";
    inv.out << "历史（" << h.events.size() << "）:\n";
    for (const auto& e : h.events) inv.out << "  " << describeEvent(e) << "\n";
    return 0;
}

void printMoved(Invocation& inv, const store::TaskRecord& t, const std::string& what) {
    inv.out << "整改任务 #" << t.id << " " << what << "：状态 " << statusText(t.status) << "，期限 " << t.dueDate
            << "，预警 " << levelText(t.level) << "。\n";
}

int runPlan(Invocation& inv) {
    auto s = openSession(inv);
    const auto t = services::planTask(s.db, s.actor, positionalId(inv, "任务编号"), inv.args.required("measure"),
                                      inv.args.required("handler"), inv.args.required("leader"), dateOption(inv, "date"));
    printMoved(inv, t, "已制定整改措施");
    return 0;
}

int runProgress(Invocation& inv) {
    auto s = openSession(inv);
    const services::EvidenceStore evidence = services::evidenceStoreOf(inv.app.settings());
    services::ProgressInput input;
    const std::string percent = inv.args.required("percent");
    input.percent = static_cast<int>(std::min<int64_t>(services::requireCount(percent, "整改进度（--percent）"), 1000));
    input.note = inv.args.required("note");
    const EvidenceFiles files(inv.args.values("evidence"));
    input.evidence = files.uploads();
    input.day = dateOption(inv, "date");
    const auto t = services::reportProgress(s.db, s.actor, positionalId(inv, "任务编号"), input, evidence);
    printMoved(inv, t, "已报告进展（" + percent + "%，佐证材料 " + std::to_string(input.evidence.size()) + " 份）");
    return 0;
}

int runSubmit(Invocation& inv) {
    auto s = openSession(inv);
    printMoved(inv, services::submitTask(s.db, s.actor, positionalId(inv, "任务编号"), dateOption(inv, "date")),
               "已提交销号");
    return 0;
}

int runAccept(Invocation& inv) {
    auto s = openSession(inv);
    const auto t = services::acceptTask(s.db, s.actor, positionalId(inv, "任务编号"), inv.args.value("note"),
                                        dateOption(inv, "date"));
    printMoved(inv, t, "已验收销号");
    return 0;
}

int runReturn(Invocation& inv) {
    auto s = openSession(inv);
    const auto t = services::returnTask(s.db, s.actor, positionalId(inv, "任务编号"), inv.args.required("reason"),
                                        dateOption(inv, "date"));
    printMoved(inv, t, "已退回重新整改（第 " + std::to_string(t.returnedCount) + " 次）");
    return 0;
}

int runExtend(Invocation& inv) {
    auto s = openSession(inv);
    const int32_t to = services::requireDate(inv.args.required("to"), "--to");
    const auto e = services::requestExtension(s.db, s.actor, positionalId(inv, "任务编号"), to, inv.args.required("reason"),
                                              dateOption(inv, "date"));
    inv.out << "整改任务 #" << e.taskId << " 已提出延期申请 #" << e.id << "：" << e.previousDue << " → " << e.requestedDue
            << "，待领导小组或管理员审批；审批前期限仍为 " << e.previousDue << "。\n";
    return 0;
}

int runDecide(Invocation& inv, bool approve) {
    auto s = openSession(inv);
    services::ExtensionDecision decision;
    decision.approve = approve;
    decision.day = dateOption(inv, "date");
    if (inv.args.value("as-of")) decision.asOf = dateOption(inv, "as-of");
    decision.reason = approve ? inv.args.value("reason") : std::optional(inv.args.required("reason"));
    const auto t = services::decideExtension(s.db, s.actor, positionalId(inv, "任务编号"), decision);
    printMoved(inv, t, approve ? "的延期申请已批准" : "的延期申请未获批准");
    return 0;
}

const OptionSpec kAsOf{"as-of", "YYYY-MM-DD", "按这一天计算（默认今天）"};
// The day a recorded event happened: not after today, not before the event it follows.
OptionSpec eventDate(const char* what) { return {"date", "YYYY-MM-DD", std::string(what) + "（默认今天，不能晚于今天）"}; }

const Registration taskListRegistration{CommandSpec{
    {"task", "list"},
    "列出可见的整改任务",
    {roundFilterOption(), unitFilterOption(),
     {"status", "STATUS", "assigned|planned|in_progress|submitted|accepted"},
     {"level", "LEVEL", "none|green|yellow|red|accountability"}, {"overdue", "", "只列未销号且已逾期的"}, kAsOf,
     formatOption()},
    "", 0, 0,
    "  patrol task list --round 2026-R1\n  patrol task list --overdue --as-of 2026-06-30 --format json\n",
    runTaskList}};

const Registration taskShowRegistration{CommandSpec{
    {"task", "show"}, "显示一项整改任务及其全部历史", {showFormatOption()}, "ID", 1, 1,
    "  patrol task show 3\n", runTaskShow}};

const Registration taskPlanRegistration{CommandSpec{
    {"task", "plan"},
    "被巡察单位制定整改措施（开始整改前可修改）",
    {{"measure", "TEXT", "整改措施"}, {"handler", "NAME", "责任人"}, {"leader", "NAME", "责任领导（分管领导）"}, eventDate("制定日期")},
    "ID", 1, 1,
    "  patrol task plan 3 --measure \"清退违规款项并建立台账\" --handler 李明 --leader 王强\n", runPlan}};

const Registration taskProgressRegistration{CommandSpec{
    {"task", "progress"},
    "报告整改进展，可附佐证材料",
    {{"percent", "N", "完成百分比 0–100"}, {"note", "TEXT", "进展说明"},
     {"evidence", "FILE", "佐证材料文件（可多次给出）", true}, eventDate("报告日期")},
    "ID", 1, 1,
    "  patrol task progress 3 --percent 100 --note \"已全部清退\" --evidence 收据.pdf\n", runProgress}};

const Registration taskSubmitRegistration{CommandSpec{
    {"task", "submit"}, "被巡察单位提交销号申请", {eventDate("提交日期")}, "ID", 1, 1, "  patrol task submit 3\n", runSubmit}};

const Registration taskAcceptRegistration{CommandSpec{
    {"task", "accept"},
    "巡察组验收销号（需有佐证材料或核查意见）",
    {{"note", "TEXT", "书面核查意见"}, eventDate("销号日期")},
    "ID", 1, 1, "  patrol task accept 3 --note \"经实地核查，整改到位\"\n", runAccept}};

const Registration taskReturnRegistration{CommandSpec{
    {"task", "return"}, "巡察组退回重新整改", {{"reason", "TEXT", "退回理由"}, eventDate("退回日期")}, "ID", 1, 1,
    "  patrol task return 3 --reason \"佐证材料不足\"\n", runReturn}};

const Registration taskExtendRegistration{CommandSpec{
    {"task", "extend"},
    "申请延期（审批前期限不变）",
    {{"to", "YYYY-MM-DD", "申请延至"}, {"reason", "TEXT", "延期理由"}, eventDate("申请日期")},
    "ID", 1, 1, "  patrol task extend 3 --to 2026-09-30 --reason \"需等待审计结论\"\n", runExtend}};

const Registration taskApproveRegistration{CommandSpec{
    {"task", "extension", "approve"},
    "批准任务的待审批延期申请（领导小组或管理员）",
    {eventDate("批准日期"), {"as-of", "YYYY-MM-DD", "按这一天重算预警等级（默认批准日期）"}, {"reason", "TEXT", "批准意见"}},
    "ID", 1, 1, "  patrol task extension approve 3 --date 2026-06-01\n", [](Invocation& inv) { return runDecide(inv, true); }}};

const Registration taskDenyRegistration{CommandSpec{
    {"task", "extension", "deny"},
    "驳回任务的待审批延期申请（领导小组或管理员）",
    {{"reason", "TEXT", "驳回理由（必填）"}, eventDate("驳回日期")}, "ID", 1, 1,
    "  patrol task extension deny 3 --reason \"理由不充分，应按期完成\"\n", [](Invocation& inv) { return runDecide(inv, false); }}};

}  // namespace
}  // namespace patrol::cli
