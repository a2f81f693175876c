// `patrol round create|edit|target|team|advance|list|show`: inspection rounds (巡察轮次).
#include <cstdlib>
#include <ostream>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <patrol/sdk/civil.hpp>

#include "core/cli/record_listings.hpp"
#include "core/cli/session.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/domain/errors.hpp"
#include "core/domain/round_kind.hpp"
#include "core/domain/finding_status.hpp"
#include "core/domain/round_stage.hpp"
#include "core/services/calendar_loader.hpp"
#include "core/services/check_service.hpp"
#include "core/services/feedback.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"
#include "core/services/round_detail_view.hpp"
#include "core/services/round_service.hpp"
#include "core/services/workflow_settings.hpp"

namespace patrol::cli {
namespace {

std::vector<std::string> splitCommas(const std::optional<std::string>& text) {
    std::vector<std::string> words;
    if (!text) return words;
    std::stringstream in(*text);
    for (std::string w; std::getline(in, w, ',');)
        if (!w.empty()) words.push_back(w);
    return words;
}

std::string stageName(const std::string& stage) {
    return domain::roundStages.labelOf(stage);
}

int runCreate(Invocation& inv) {
    auto s = openSession(inv);
    services::RoundInput input{inv.args.required("code"),  inv.args.required("title"), inv.args.required("kind"),
                               inv.args.required("start"), inv.args.required("end"),   inv.args.value("term"),
                               splitCommas(inv.args.value("plugins")), inv.args.value("lookback-of"),
                               services::installedPluginIds(inv.app.settings())};
    const auto round = services::createRound(s.db, s.actor, input);
    inv.out << "已创建巡察轮次 " << round.code << "「" << round.title << "」（"
            << domain::roundKinds.labelOf(round.kind) << "，" << round.startDate << " 至 "
            << round.endDate << "），当前阶段：" << stageName(round.stage) << "\n";
    return 0;
}

int runTarget(Invocation& inv) {
    auto s = openSession(inv);
    const std::string code = inv.args.required("round");
    if (inv.args.has("remove")) {
        if (inv.args.has("unit"))
            throw UserError("--remove 不能与 --unit 同时使用：请分两条命令，一条增加巡察对象，一条移出。");
        const auto removed = services::removeRoundTargets(s.db, s.actor, code, inv.args.values("remove"));
        inv.out << "已把 " << removed.size() << " 个单位移出巡察轮次 " << code << " 的巡察对象：";
        for (size_t i = 0; i < removed.size(); ++i)
            inv.out << (i ? "、" : "") << removed[i].name << "(" << removed[i].code << ")";
        inv.out << "\n";
        return 0;
    }
    const auto added = services::addRoundTargets(s.db, s.actor, code, inv.args.values("unit"));
    if (added.empty()) {
        inv.out << "这些单位已是巡察轮次 " << code << " 的巡察对象，没有改动\n";
        return 0;
    }
    inv.out << "已把 " << added.size() << " 个单位列为巡察轮次 " << code << " 的巡察对象：";
    for (size_t i = 0; i < added.size(); ++i) inv.out << (i ? "、" : "") << added[i].name << "(" << added[i].code << ")";
    inv.out << "\n";
    return 0;
}

// Here --user names the members (as the command was specified), so the acting user comes from
// PATROL_USER alone (default: the local administrator).
services::Actor teamActor(store::Database& db) {
    const char* env = std::getenv("PATROL_USER");
    return services::actorByName(db, env && *env ? env : "admin");
}

int runTeam(Invocation& inv) {
    auto db = openExistingDatabase(inv);
    const auto actor = teamActor(db);
    const std::string code = inv.args.required("round");
    std::vector<std::string> members = inv.args.values("user");
    for (auto& m : inv.args.values("member")) members.push_back(std::move(m));
    if (inv.args.has("remove") && (!members.empty() || inv.args.has("leader")))
        throw UserError("--remove 不能与 --user、--member 或 --leader 同时使用：请分两条命令，先增加成员或指定组长，再移出。");
    const auto team = inv.args.has("remove")
                          ? services::removeRoundTeam(db, actor, code, inv.args.values("remove"))
                          : services::addRoundTeam(db, actor, code, members, inv.args.value("leader"));
    inv.out << "巡察轮次 " << code << " 的巡察组：";
    for (size_t i = 0; i < team.size(); ++i) inv.out << (i ? "、" : "") << team[i].name << (team[i].isLeader ? "（组长）" : "");
    inv.out << (team.empty() ? "（无成员）" : "") << "\n";
    return 0;
}

int runRoundEdit(Invocation& inv) {
    const services::RoundEdit edit{inv.args.value("title"), inv.args.value("start"), inv.args.value("end")};
    if (!edit.title && !edit.start && !edit.end)
        throw UserError("请至少指定一项要修改的内容：--title、--start 或 --end。");
    auto s = openSession(inv);
    const auto result = services::editRound(s.db, s.actor, inv.args.positional().at(0), edit);
    const auto& b = result.before;
    const auto& a = result.after;
    if (!result.changed()) {
        inv.out << "巡察轮次 " << a.code << " 没有改动：给出的内容与现有记录相同\n";
        return 0;
    }
    std::string changes;
    const auto note = [&](const char* what, const std::string& from, const std::string& to) {
        if (from != to) changes += (changes.empty() ? "" : "；") + std::string(what) + " " + from + " → " + to;
    };
    note("名称", b.title, a.title);
    note("开始日期", b.startDate, a.startDate);
    note("结束日期", b.endDate, a.endDate);
    inv.out << "已修改巡察轮次 " << a.code << "：" << changes << "\n";
    return 0;
}

int runAdvance(Invocation& inv) {
    auto s = openSession(inv);
    const std::string code = inv.args.required("round");
    const auto workflow = services::readWorkflowSettings(inv.app.settings());
    const auto calendar = services::loadCalendar(inv.app.settings(), inv.app.calendarOverride());
    services::FeedbackResult created;
    const auto before = services::requireVisibleRound(s.db, s.actor, code);
    const auto round = services::advanceRound(s.db, s.actor, code, inv.args.required("to"), inv.args.value("date"),
                                              services::rectificationOnFeedback(workflow, calendar.calendar, &created));
    const auto dates = store::roundStageDates(s.db, round.id);
    inv.out << "巡察轮次 " << round.code << " 已从「" << stageName(before.stage) << "」推进到「" << stageName(round.stage)
            << "」（" << (dates.empty() ? "" : dates.back().second) << "）\n";
    if (round.stage == "fed_back")
        inv.out << "已向被巡察单位反馈问题，并创建 " << created.tasks.size() << " 项整改任务\n";
    printCalendarWarnings(calendar.calendar, inv.err);
    return 0;
}

int runRoundList(Invocation& inv) {
    const ListingFormat format = inv.format();
    auto s = openSession(inv);
    printRounds(inv.out, services::listRounds(s.db, s.actor), format);
    return 0;
}

void printShowTable(std::ostream& out, const services::RoundDetail& d, std::optional<int32_t> reportDue) {
    const auto& r = d.round;
    out << "轮次编码：" << r.code << "\n名称：" << r.title << "\n类型：" << domain::roundKinds.labelOf(r.kind)
        << "\n届次：" << r.term.value_or("-") << "\n阶段：" << stageName(r.stage) << "\n日期：" << r.startDate << " 至 "
        << r.endDate << "\n";
    if (r.lookbackOfCode) out << "回看轮次：" << *r.lookbackOfCode << "\n";
    out << "检查插件：";
    for (size_t i = 0; i < r.plugins.size(); ++i) out << (i ? "、" : "") << r.plugins[i];
    out << (r.plugins.empty() ? "-" : "") << "\n阶段记录：";
    for (size_t i = 0; i < d.stageDates.size(); ++i)
        out << (i ? "，" : "") << stageName(d.stageDates[i].first) << " " << d.stageDates[i].second;
    if (reportDue) out << "\n整改情况报告期限：" << civil::formatDate(*reportDue);
    out << "\n巡察对象：";
    for (size_t i = 0; i < d.targets.size(); ++i) out << (i ? "、" : "") << d.targets[i].name << "(" << d.targets[i].code << ")";
    out << (d.targets.empty() ? "-" : "") << "\n巡察组：";
    for (size_t i = 0; i < d.team.size(); ++i) out << (i ? "、" : "") << d.team[i].name << (d.team[i].isLeader ? "（组长）" : "");
    out << (d.team.empty() ? "-" : "") << "\n问题：";
    for (size_t i = 0; i < d.findingCounts.size(); ++i)
        out << (i ? "，" : "") << domain::findingStatuses.labelOf(d.findingCounts[i].first) << " "
            << d.findingCounts[i].second;
    out << (d.findingCounts.empty() ? "无" : "") << "\n";
}

void printShowJson(std::ostream& out, const services::RoundDetail& d) {
    out << services::jsonText(services::roundDetailView(d)) << "\n";
}

int runRoundShow(Invocation& inv) {
    const ListingFormat format = inv.format();
    auto s = openSession(inv);
    const auto detail = services::showRound(s.db, s.actor, inv.args.positional().at(0));
    if (format == ListingFormat::Json) printShowJson(inv.out, detail);
    else
        printShowTable(inv.out, detail,
                       services::rectificationReportDue(detail.stageDates, services::readWorkflowSettings(inv.app.settings())));
    return 0;
}

const std::string kRoundKinds = "regular|special|mobile|elevated|cross|lookback";
const std::string kRoundStages = "planned|onsite|reported|fed_back|rectifying|closed";

const Registration roundCreateRegistration{CommandSpec{
    {"round", "create"},
    "创建巡察轮次（阶段从「准备」开始）",
    {{"code", "CODE", "轮次编码，例如 2026-R2"},
     {"title", "TEXT", "名称，例如 十五届县委第二轮巡察"},
     {"kind", kRoundKinds, "巡察类型"},
     {"start", "YYYY-MM-DD", "开始日期"},
     {"end", "YYYY-MM-DD", "结束日期"},
     {"term", "TEXT", "届次，例如 十五届"},
     {"plugins", "a,b", "启用的检查插件（逗号分隔）"},
     {"lookback-of", "CODE", "回头看所针对的轮次（lookback 类型必填）"}},
    "",
    0,
    0,
    "  patrol round create --code 2026-R2 --title 十五届县委第二轮巡察 --kind regular --start 2026-09-07 --end 2026-11-27 "
    "--term 十五届 --plugins four_styles\n",
    runCreate}};

const Registration roundTargetRegistration{CommandSpec{{"round", "target"},
                                      "把单位列为巡察对象（与巡察组成员有回避关系的单位会被拒绝），或用 --remove 移出",
                                      {{"round", "CODE", "轮次编码"},
                                       {"unit", "CODE...", "单位编码，可给多个", true},
                                       {"remove", "CODE...", "移出这些巡察对象（已有问题记录的单位不能移出）", true}},
                                      "",
                                      0,
                                      0,
                                      "  patrol round target --round 2026-R2 --unit QX-SQ QX-SJJ\n"
                                      "  patrol round target --round 2026-R2 --remove QX-SJJ\n",
                                      runTarget}};

const Registration roundTeamRegistration{CommandSpec{{"round", "team"},
                                    "把巡察组成员编入轮次（申报了回避关系的成员会被拒绝），或用 --remove 移出",
                                    {{"round", "CODE", "轮次编码"},
                                     {"user", "NAME...", "成员姓名，可给多个（本命令的操作人取自 PATROL_USER）", true},
                                     {"member", "NAME...", "同 --user", true},
                                     {"leader", "NAME", "组长姓名"},
                                     {"remove", "NAME...", "把这些成员移出巡察组（组长须先换人）", true}},
                                    "",
                                    0,
                                    0,
                                    "  patrol round team --round 2026-R2 --user 张丽 陈志强 --leader 刘芳\n"
                                    "  patrol round team --round 2026-R2 --remove 陈志强\n",
                                    runTeam}};

const Registration roundEditRegistration{CommandSpec{
    {"round", "edit"},
    "修改轮次名称和计划日期（「评估销号」前均可；留有修改前后的审计记录）",
    {{"title", "TEXT", "新的名称"}, {"start", "YYYY-MM-DD", "新的开始日期"}, {"end", "YYYY-MM-DD", "新的结束日期"}},
    "CODE",
    1,
    1,
    "  patrol round edit 2026-R2 --title 十五届县委第二轮巡察 --end 2026-11-30\n",
    runRoundEdit}};

const Registration roundAdvanceRegistration{CommandSpec{
    {"round", "advance"},
    "把轮次推进到下一阶段（只能逐级向前；进入反馈阶段时为已确认的问题创建整改任务）",
    {{"round", "CODE", "轮次编码"}, {"to", kRoundStages, "目标阶段"}, {"date", "YYYY-MM-DD", "推进日期（默认今天）"}},
    "",
    0,
    0,
    "  patrol round advance --round 2026-R2 --to onsite --date 2026-09-07\n",
    runAdvance}};

const Registration roundListRegistration{CommandSpec{{"round", "list"}, "列出巡察轮次", {formatOption()}, "", 0, 0,
                                    "  patrol round list --format json\n", runRoundList}};

const Registration roundShowRegistration{CommandSpec{{"round", "show"}, "显示一个轮次：阶段、日期、巡察对象、巡察组和问题数",
                                    {showFormatOption()}, "CODE", 1, 1,
                                    "  patrol round show 2026-R2\n", runRoundShow}};

}  // namespace
}  // namespace patrol::cli
