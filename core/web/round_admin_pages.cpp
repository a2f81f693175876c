// The admin's work on rounds in the browser, through the same use cases as `patrol round`:
// GET/POST /rounds/new creates a round (code, title, kind, dates, plugins); on the round page,
// POST /rounds/{code}/targets and /team add targets and team members (and name the 组长), and
// /advance moves the round to its next stage (the team may do that too, as in the CLI).
#include <Poco/URI.h>

#include <vector>

#include "core/domain/errors.hpp"
#include "core/domain/round_kind.hpp"
#include "core/domain/round_stage.hpp"
#include "core/services/authorization.hpp"
#include "core/services/check_service.hpp"
#include "core/services/feedback.hpp"
#include "core/services/not_found.hpp"
#include "core/services/round_service.hpp"
#include "core/web/form_fields.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/round_links.hpp"
#include "core/web/round_page.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

int roundStatusOf(const UserError& e) {
    switch (e.kind()) {
        case ErrorKind::Conflict: return 409;
        case ErrorKind::NotFound: return 404;
        default: return 422;
    }
}

// Names or codes as people type them in one box: separated by commas (ASCII or full-width),
// 顿号 or spaces.
std::vector<std::string> words(const std::string& typed) {
    static const std::vector<std::string> separators{"，", "、", "；", ";", ",", " ", "\t", "\r", "\n"};
    std::vector<std::string> out;
    std::string current;
    for (size_t i = 0; i < typed.size();) {
        size_t matched = 0;
        for (const auto& sep : separators)
            if (typed.compare(i, sep.size(), sep) == 0) matched = sep.size();
        if (matched == 0) {
            current += typed[i++];
            continue;
        }
        if (!current.empty()) out.push_back(current);
        current.clear();
        i += matched;
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

struct NewRoundForm {
    std::map<std::string, std::string> typed;
    std::string field;
    std::string message;
    int status = 200;
};

View optionChoices(const std::vector<std::pair<std::string, std::string>>& options, const std::string& selected) {
    View list = listView();
    for (const auto& [code, label] : options) {
        View c;
        c.set("code", code);
        c.set("label", label);
        c.set("selected", selected == code);
        list.push_back(c);
    }
    return list;
}

http::Reply newRoundPage(const WebAssets& assets, http::Exchange& ex, const NewRoundForm& form = {}) {
    const auto typed = [&](const std::string& key) {
        const auto it = form.typed.find(key);
        return it == form.typed.end() ? std::string() : it->second;
    };
    View view;
    for (const char* key : {"code", "title", "start", "end", "lookback_of"}) view.set(key, typed(key));
    std::vector<std::pair<std::string, std::string>> kinds;
    for (const auto& term : domain::roundKinds.terms()) kinds.emplace_back(term.code, term.label);
    view.set("kinds", optionChoices(kinds, typed("kind").empty() ? "regular" : typed("kind")));
    View plugins = listView();
    for (const auto& id : services::installedPluginIds(ex.settings())) {
        View p;
        p.set("id", id);
        p.set("checked", !typed("plugin:" + id).empty());
        plugins.push_back(p);
    }
    view.set("plugins", plugins);
    if (!form.message.empty()) view.set(form.field + "_error", form.message);
    return renderPage(assets, ex, "round_new", view, {"新建巡察轮次", "/rounds", form.status});
}

http::Reply createRound(const WebAssets& assets, http::Exchange& ex) {
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    services::RoundInput input;
    input.code = form.value("code");
    input.title = form.value("title");
    input.kind = form.value("kind");
    input.start = form.value("start");
    input.end = form.value("end");
    if (!form.value("lookback_of").empty()) input.lookbackOf = form.value("lookback_of");
    for (const auto& [name, value] : form.all())
        if (name.rfind("plugin:", 0) == 0 && !value.empty()) input.plugins.push_back(name.substr(7));
    input.installedPlugins = services::installedPluginIds(ex.settings());
    try {
        const auto round = services::createRound(ex.db(), ex.actor(), input);
        return redirectTo(roundHref(round.code) + "?done=created");
    } catch (const UserError& e) {
        rethrowIfNotAboutForm(e);
        if (e.kind() == ErrorKind::Forbidden) throw;
        NewRoundForm refused{form.all(), "form", e.what(), roundStatusOf(e)};
        if (const auto* invalid = dynamic_cast<const InvalidInput*>(&e)) {
            const std::string& f = invalid->field();
            if (f == "code" || f == "title" || f == "start" || f == "end") refused.field = f;
        } else if (e.kind() == ErrorKind::Conflict) {
            refused.field = "code";
        }
        // A lookback round's missing or unknown earlier round is that field's problem.
        if (refused.field == "form" && (input.lookbackOf || input.kind == "lookback")) refused.field = "lookback_of";
        if (e.kind() == ErrorKind::NotFound) refused.status = 422;
        return newRoundPage(assets, ex, refused);
    }
}

// A round change refused by the service: the round page again, the message beside the form. A
// round the user may not see stays "not found" like every other page.
template <typename Change>
http::Reply change(const WebAssets& assets, http::Exchange& ex, const std::string& formName, const std::string& done,
                   Change run) {
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    const std::string code = ex.param("code");
    services::requireVisibleRound(ex.db(), ex.actor(), code);
    try {
        run(form, code);
        return redirectTo(roundHref(code) + "?done=" + done);
    } catch (const UserError& e) {
        rethrowIfNotAboutForm(e);
        if (e.kind() == ErrorKind::Forbidden) throw;
        if (e.kind() == ErrorKind::NotFound && e.what() == services::roundNotFound(code).what()) throw;
        RoundFormOutcome outcome{formName, form.all(), e.what(), roundStatusOf(e) == 404 ? 422 : roundStatusOf(e)};
        return roundPage(assets, ex, outcome);
    }
}

http::Reply addTargets(const WebAssets& assets, http::Exchange& ex) {
    return change(assets, ex, "targets", "targets", [&ex](const FormFields& form, const std::string& code) {
        const auto units = words(form.value("units"));
        if (units.empty()) throw InvalidInput("units", "单位编码", "未填写。请填写要增加的巡察对象的单位编码，例如 QX-HT。");
        services::addRoundTargets(ex.db(), ex.actor(), code, units);
    });
}

http::Reply addTeam(const WebAssets& assets, http::Exchange& ex) {
    return change(assets, ex, "team", "team", [&ex](const FormFields& form, const std::string& code) {
        const auto leader = words(form.value("leader"));
        if (leader.size() > 1) throw InvalidInput("leader", "组长", "只能填写一人，收到了 " + std::to_string(leader.size()) + " 个姓名。");
        services::addRoundTeam(ex.db(), ex.actor(), code, words(form.value("members")),
                               leader.empty() ? std::nullopt : std::optional<std::string>(leader.front()));
    });
}

http::Reply advance(const WebAssets& assets, http::Exchange& ex) {
    return change(assets, ex, "advance", "advance", [&ex](const FormFields& form, const std::string& code) {
        const std::string date = form.value("date");
        services::advanceRound(ex.db(), ex.actor(), code, form.value("to"),
                               date.empty() ? std::nullopt : std::optional<std::string>(date),
                               services::rectificationOnFeedback(ex.settings(), std::nullopt));
    });
}

http::Handler roundChange(const WebAssets& assets, http::Reply (*page)(const WebAssets&, http::Exchange&)) {
    return signedInPage(assets, [&assets, page](http::Exchange& ex) { return page(assets, ex); });
}

}  // namespace

// Registered before the round page, so /rounds/new is this form and not a round coded "new".
void addRoundAdminPages(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/rounds/new", adminPage(assets, "创建巡察轮次", [](const WebAssets& a, http::Exchange& ex) { return newRoundPage(a, ex); }),
               http::Access::Anyone);
    router.add("POST", "/rounds/new", adminPage(assets, "创建巡察轮次", createRound), http::Access::Anyone);
    router.add("POST", "/rounds/{code}/targets", roundChange(assets, addTargets), http::Access::Anyone);
    router.add("POST", "/rounds/{code}/team", roundChange(assets, addTeam), http::Access::Anyone);
    router.add("POST", "/rounds/{code}/advance", roundChange(assets, advance), http::Access::Anyone);
}

}  // namespace patrol::web
