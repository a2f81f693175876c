// GET /rounds: the rounds the user may see (an inspector: those of its team, 我的巡察轮次);
// GET /rounds/{code}: one round's stage, targets, team and finding counts, with the ways into
// the inspection team's work on it (logging a finding, the review queue, checking data files).
#include <Poco/URI.h>
#include <patrol/sdk/civil.hpp>

#include "core/domain/finding_status.hpp"
#include "core/domain/role.hpp"
#include "core/domain/round_kind.hpp"
#include "core/domain/round_stage.hpp"
#include "core/services/authorization.hpp"
#include "core/services/feedback.hpp"
#include "core/services/workflow_settings.hpp"
#include "core/services/round_service.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/round_links.hpp"
#include "core/web/round_page.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

http::Reply roundListPage(const WebAssets& assets, http::Exchange& ex) {
    const auto rounds = services::listRounds(ex.db(), ex.actor());
    View rows = listView();
    for (const auto& r : rounds) {
        View row;
        row.set("href", roundHref(r.code));
        row.set("code", r.code);
        row.set("title", r.title);
        row.set("kind", domain::roundKinds.labelOf(r.kind));
        row.set("stage", domain::roundStages.labelOf(r.stage));
        row.set("start", r.startDate);
        row.set("end", r.endDate);
        rows.push_back(row);
    }
    View view;
    view.set("rounds", rows);
    view.set("empty", rounds.empty());
    view.set("may_create", ex.actor().role == domain::Role::Admin);
    const std::string title = ex.actor().role == domain::Role::Inspector ? "我的巡察轮次" : "巡察轮次";
    view.set("heading", title);
    return renderPage(assets, ex, "rounds", view, {title, "/rounds"});
}

// What the page says after an admin's change went through (?done=...).
std::string confirmation(const std::optional<std::string>& done) {
    if (done == "created") return "已创建巡察轮次。下一步：确定巡察对象和巡察组。";
    if (done == "targets") return "已更新巡察对象。";
    if (done == "team") return "已更新巡察组。";
    if (done == "advance") return "已推进巡察阶段。";
    return "";
}

// The admin's forms: targets and team while the round is planned or on site, and the move to
// the next stage (the service lets the round's team move it too, so they see that form as well).
View manageView(const store::RoundRecord& r, bool admin, bool works, const RoundFormOutcome& outcome) {
    View manage;
    const auto typed = [&](const std::string& form, const std::string& key) {
        if (outcome.form != form) return std::string();
        const auto it = outcome.typed.find(key);
        return it == outcome.typed.end() ? std::string() : it->second;
    };
    const auto stage = domain::roundStages.parse(r.stage);
    const bool membershipOpen = stage == domain::RoundStage::Planned || stage == domain::RoundStage::Onsite;
    manage.set("membership", admin && membershipOpen);
    manage.set("targets_action", roundHref(r.code) + "/targets");
    manage.set("team_action", roundHref(r.code) + "/team");
    manage.set("advance_action", roundHref(r.code) + "/advance");
    manage.set("typed_units", typed("targets", "units"));
    manage.set("typed_members", typed("team", "members"));
    manage.set("typed_leader", typed("team", "leader"));
    manage.set("typed_date", typed("advance", "date"));
    if (!outcome.message.empty()) manage.set(outcome.form + "_error", outcome.message);
    if (const auto next = domain::nextRoundStage(stage); next && works) {
        View advance;
        advance.set("to", std::string(domain::roundStages.code(*next)));
        advance.set("to_label", std::string(domain::roundStages.label(*next)));
        advance.set("from_label", std::string(domain::roundStages.label(stage)));
        manage.set("advance", advance);
    }
    return manage;
}

}  // namespace

http::Reply roundPage(const WebAssets& assets, http::Exchange& ex, const RoundFormOutcome& outcome) {
    const auto detail = services::showRound(ex.db(), ex.actor(), ex.param("code"));
    const auto& r = detail.round;
    View view;
    view.set("code", r.code);
    view.set("title", r.title);
    view.set("kind", domain::roundKinds.labelOf(r.kind));
    view.set("stage", domain::roundStages.labelOf(r.stage));
    view.set("start", r.startDate);
    view.set("end", r.endDate);
    std::string plugins;
    for (const auto& p : r.plugins) plugins += (plugins.empty() ? "" : "、") + p;
    view.set("plugins", plugins.empty() ? std::string("无") : plugins);
    View stages = listView();
    for (const auto& [stage, date] : detail.stageDates) {
        View s;
        s.set("stage", domain::roundStages.labelOf(stage));
        s.set("date", date);
        stages.push_back(s);
    }
    view.set("stages", stages);
    if (const auto due = services::rectificationReportDue(detail.stageDates, services::readWorkflowSettings(ex.settings())))
        view.set("report_due", civil::formatDate(*due));
    View targets = listView();
    for (const auto& u : detail.targets) {
        View t;
        t.set("name", u.name);
        t.set("code", u.code);
        targets.push_back(t);
    }
    view.set("targets", targets);
    View team = listView();
    for (const auto& m : detail.team) {
        View t;
        t.set("name", m.name);
        t.set("leader", m.isLeader);
        team.push_back(t);
    }
    view.set("team", team);
    View counts = listView();
    int64_t total = 0;
    for (const auto& [status, count] : detail.findingCounts) {
        View c;
        c.set("status", domain::findingStatuses.labelOf(status));
        c.set("count", std::to_string(count));
        total += count;
        counts.push_back(c);
    }
    view.set("counts", counts);
    view.set("total", std::to_string(total));
    // The team's work on the round: only those who may record into it are shown the ways in.
    const bool works = services::canAccessRound(ex.db(), ex.actor(), r, services::Access::Write);
    view.set("works", works);
    view.set("new_finding", roundHref(r.code) + "/findings/new");
    view.set("review", roundHref(r.code) + "/review");
    view.set("check", roundHref(r.code) + "/check");
    const bool admin = ex.actor().role == domain::Role::Admin;
    if (admin || works) view.set("manage", manageView(r, admin, works, outcome));
    const auto done = confirmation(ex.query("done"));
    if (!done.empty() && outcome.message.empty()) view.set("done", done);
    return renderPage(assets, ex, "round", view, {r.title, "/rounds", outcome.status});
}


void addRoundPages(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/rounds", signedInPage(assets, [&assets](http::Exchange& ex) { return roundListPage(assets, ex); }),
               http::Access::Anyone);
    router.add("GET", "/rounds/{code}", signedInPage(assets, [&assets](http::Exchange& ex) { return roundPage(assets, ex); }),
               http::Access::Anyone);
}

}  // namespace patrol::web
