// GET /rounds/{code}/review: the round's suspected findings (the review queue), filtered by rule,
// unit and plugin and paged on the server; POST decides the ticked ones, or every one the filter
// selects, at once — all or none, through the same bulk review as `patrol finding dismiss`.
#include <algorithm>
#include <set>

#include "core/domain/finding_status.hpp"
#include "core/services/finding_review.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/round_service.hpp"
#include "core/web/form_fields.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/round_links.hpp"
#include "core/web/web_routes.hpp"

#include <patrol/sdk/money.hpp>

namespace patrol::web {

namespace {

constexpr size_t kReviewsPerPage = 50;

struct QueueFilter {
    std::optional<std::string> unit, plugin, rule;
};

// "check:<plugin>/<rule>" -> (plugin, rule); empty for a finding entered by hand.
std::pair<std::string, std::string> checkOf(const std::string& source) {
    if (source.rfind("check:", 0) != 0) return {};
    const std::string rest = source.substr(6);
    const auto slash = rest.find('/');
    if (slash == std::string::npos) return {rest, ""};
    return {rest.substr(0, slash), rest.substr(slash + 1)};
}

std::string encoded(const std::string& value) {
    std::string out;
    Poco::URI::encode(value, "?#&=+%/", out);
    return out;
}

std::string queueHref(const std::string& round, const QueueFilter& f, size_t page, const std::string& extra = "") {
    std::string query;
    auto add = [&query](const std::string& key, const std::string& value) { query += (query.empty() ? "?" : "&") + key + "=" + encoded(value); };
    if (f.unit) add("unit", *f.unit);
    if (f.plugin) add("plugin", *f.plugin);
    if (f.rule) add("rule", *f.rule);
    if (page > 1) add("page", std::to_string(page));
    if (!extra.empty()) query += (query.empty() ? "?" : "&") + extra;
    return roundHref(round) + "/review" + query;
}

// Only values the page offered are kept: anything else reads as "all".
std::optional<std::string> offered(const std::optional<std::string>& typed, const std::set<std::string>& choices) {
    if (!typed || !choices.count(*typed)) return std::nullopt;
    return typed;
}

View choiceList(const std::set<std::string>& values, const std::optional<std::string>& selected,
                const std::map<std::string, std::string>& labels = {}) {
    View list = listView();
    for (const auto& v : values) {
        View c;
        c.set("code", v);
        const auto label = labels.find(v);
        c.set("label", label == labels.end() ? v : label->second);
        c.set("selected", selected && *selected == v);
        list.push_back(c);
    }
    return list;
}

size_t reviewPageNumber(const std::optional<std::string>& typed) {
    if (!typed || typed->empty() || typed->size() > 6 || !std::all_of(typed->begin(), typed->end(), ::isdigit)) return 1;
    return std::max<size_t>(1, std::stoul(*typed));
}

// A form the server refused: what was typed and where the message goes.
struct RefusedReview {
    std::string reason;
    std::string field;  // "reason", or "" for a message above the form
    std::string message;
    int status = 422;
};

http::Reply queuePage(const WebAssets& assets, http::Exchange& ex, const QueueFilter& typed, size_t wantedPage,
                      const RefusedReview* refused = nullptr) {
    const auto detail = services::showRound(ex.db(), ex.actor(), ex.param("code"));
    const std::string round = detail.round.code;
    services::FindingFilter all;
    all.roundCode = round;
    all.status = "suspected";
    const auto suspected = services::listFindings(ex.db(), ex.actor(), all);

    std::set<std::string> units, plugins, rules;
    std::map<std::string, std::string> unitNames;
    for (const auto& u : detail.targets) {
        units.insert(u.code);
        unitNames[u.code] = u.name;
    }
    for (const auto& p : detail.round.plugins) plugins.insert(p);
    for (const auto& f : suspected)
        if (const auto [plugin, rule] = checkOf(f.source); !rule.empty()) rules.insert(rule);
    QueueFilter filter{offered(typed.unit, units), offered(typed.plugin, plugins), offered(typed.rule, rules)};

    std::vector<const store::FindingRecord*> chosen;
    for (const auto& f : suspected) {
        const auto [plugin, rule] = checkOf(f.source);
        if (filter.unit && f.unitCode != *filter.unit) continue;
        if (filter.plugin && plugin != *filter.plugin) continue;
        if (filter.rule && rule != *filter.rule) continue;
        chosen.push_back(&f);
    }
    const size_t pages = std::max<size_t>(1, (chosen.size() + kReviewsPerPage - 1) / kReviewsPerPage);
    const size_t page = std::min(wantedPage, pages);
    View rows = listView();
    for (size_t i = (page - 1) * kReviewsPerPage; i < std::min(chosen.size(), page * kReviewsPerPage); ++i) {
        const auto& f = *chosen[i];
        const auto [plugin, rule] = checkOf(f.source);
        View row;
        row.set("id", std::to_string(f.id));
        row.set("title", f.title);
        row.set("detail", f.detail);
        row.set("unit", f.unitName);
        row.set("rule", rule.empty() ? std::string("人工录入") : plugin + " " + rule);
        row.set("amount", f.amountFen ? money::formatYuan(*f.amountFen) + " 元" : std::string("-"));
        rows.push_back(row);
    }

    View view;
    view.set("round", round);
    view.set("round_title", detail.round.title);
    view.set("round_href", roundHref(round));
    view.set("action", roundHref(round) + "/review");
    view.set("findings", rows);
    view.set("empty", chosen.empty());
    view.set("total", std::to_string(chosen.size()));
    view.set("units", choiceList(units, filter.unit, unitNames));
    view.set("plugins", choiceList(plugins, filter.plugin));
    view.set("rules", choiceList(rules, filter.rule));
    view.set("f_unit", filter.unit.value_or(""));
    view.set("f_plugin", filter.plugin.value_or(""));
    view.set("f_rule", filter.rule.value_or(""));
    view.set("page", std::to_string(page));
    view.set("pages", std::to_string(pages));
    if (page > 1) view.set("prev", queueHref(round, filter, page - 1));
    if (page < pages) view.set("next", queueHref(round, filter, page + 1));
    const auto done = ex.query("done");
    const auto count = ex.query("n");
    if (done && count && !count->empty() && count->size() < 8 && std::all_of(count->begin(), count->end(), ::isdigit))
        view.set("flash", std::string(*done == "confirm" ? "已确认 " : "已排除 ") + *count + " 个问题。");
    if (refused) {
        view.set("reason", refused->reason);
        if (refused->field == "reason") view.set("reason_error", refused->message);
        else view.set("form_error", refused->message);
    }
    return renderPage(assets, ex, "review", view, {"审核疑似问题", "/rounds", refused ? refused->status : 200});
}

QueueFilter filterFrom(const std::optional<std::string>& unit, const std::optional<std::string>& plugin,
                       const std::optional<std::string>& rule) {
    auto some = [](const std::optional<std::string>& v) { return v && !v->empty() ? v : std::nullopt; };
    return {some(unit), some(plugin), some(rule)};
}

http::Reply decide(const WebAssets& assets, http::Exchange& ex) {
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    const std::string round = services::showRound(ex.db(), ex.actor(), ex.param("code")).round.code;
    const QueueFilter filter = filterFrom(form.value("unit"), form.value("plugin"), form.value("rule"));
    const bool dismiss = form.value("decision") == "dismiss";
    const auto event = dismiss ? domain::FindingEvent::Dismiss : domain::FindingEvent::Confirm;
    services::FindingSelection selection;
    if (form.value("scope") == "all") {
        selection.roundCode = round;
        selection.unitCode = filter.unit;
        selection.plugin = filter.plugin;
        selection.rule = filter.rule;
        selection.status = "suspected";
    } else {
        // Ticked findings come as f<number>=1: one field each, since a form field keeps one value.
        for (const auto& [name, value] : form.all()) {
            if (name.size() < 2 || name[0] != 'f' || value != "1") continue;
            const std::string digits = name.substr(1);
            if (digits.size() > 18 || !std::all_of(digits.begin(), digits.end(), ::isdigit)) continue;
            selection.ids.push_back(std::stoll(digits));
        }
        std::sort(selection.ids.begin(), selection.ids.end());
    }
    const std::string reason = form.value("reason");
    try {
        if (selection.ids.empty() && !selection.roundCode)
            throw Conflict("没有勾选任何问题：请勾选要处理的问题，或选择“筛选出的全部问题”。");
        std::optional<std::string> why;
        if (dismiss) {
            domain::requireDismissalReason(reason);
            why = reason;
        }
        const auto decided = services::reviewFindings(ex.db(), ex.actor(), selection, event, why, [](size_t) { return true; });
        return redirectTo(queueHref(round, filter, 1,
                                    std::string("done=") + (dismiss ? "dismiss" : "confirm") + "&n=" + std::to_string(decided.findings.size())));
    } catch (const UserError& e) {
        rethrowIfNotAboutForm(e);
        if (e.kind() == ErrorKind::NotFound) throw;
        const bool aboutReason = dismiss && std::string(e.what()).find("理由") != std::string::npos && e.kind() == ErrorKind::InvalidInput;
        RefusedReview refused{reason, aboutReason ? "reason" : "", e.what(),
                              e.kind() == ErrorKind::Conflict ? 409 : e.kind() == ErrorKind::Forbidden ? 403 : 422};
        return queuePage(assets, ex, filter, 1, &refused);
    }
}

}  // namespace

void addReviewPages(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/rounds/{code}/review", signedInPage(assets, [&assets](http::Exchange& ex) {
                   return queuePage(assets, ex, filterFrom(ex.query("unit"), ex.query("plugin"), ex.query("rule")),
                                    reviewPageNumber(ex.query("page")));
               }),
               http::Access::Anyone);
    router.add("POST", "/rounds/{code}/review", signedInPage(assets, [&assets](http::Exchange& ex) { return decide(assets, ex); }),
               http::Access::Anyone);
}

}  // namespace patrol::web
