// GET /dashboard (统计看板): the leaders' figures of docs/statistics.md as of a day — open tasks
// by colour per unit, the overdue list, the rectification rate per round, findings by category —
// from the same statistics service as `patrol report stats`. Every figure is a table, so the page
// works without JavaScript; the charts (Debian's Chart.js) only draw the same numbers, read from
// data-chart attributes because the CSP forbids inline script.
// GET /dashboard/units: the colour table of every unit with open tasks, paged; the dashboard
// itself shows only the units in the worst state (colour_ranking.hpp), so that with hundreds of
// units the page stays small enough for a phone.
#include <patrol/sdk/civil.hpp>
#include <patrol/sdk/money.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>

#include "core/domain/escalation.hpp"
#include "core/services/category_names.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/record_json.hpp"
#include "core/services/statistics_cache.hpp"
#include "core/web/colour_ranking.hpp"
#include "core/web/labels.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/page_slice.hpp"
#include "core/web/round_links.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

using domain::EscalationLevel;

// How many units the dashboard's colour table and chart show (the worst); the rest are one link
// away, kDashboardUnitsPerPage a page. How many overdue tasks it lists (the most overdue).
constexpr size_t kWorstUnits = 20;
constexpr size_t kDashboardUnitsPerPage = 50;
constexpr size_t kOverdueShown = 50;

// The colour columns in the order a leader reads them: the worst last.
constexpr EscalationLevel kColumns[] = {EscalationLevel::Green, EscalationLevel::Yellow, EscalationLevel::Red,
                                        EscalationLevel::Accountability, EscalationLevel::None};
// Bar colours for the colour chart, matching the badges of patrol.css.
constexpr const char* kColumnColours[] = {"#1e8e3e", "#f9ab00", "#d93025", "#3c0a0a", "#9aa0a6"};

View colourRow(const services::ColourCounts& counts) {
    View row;
    row.set("unit", counts.unitName);
    row.set("code", counts.unitCode);
    View cells = listView();
    for (const auto level : kColumns) {
        View cell;
        cell.set("count", std::to_string(counts.byLevel[static_cast<int>(level)]));
        cell.set("level", std::string(domain::escalationLevels.code(level)));
        cell.set("label", std::string(domain::escalationLevels.label(level)));
        cells.push_back(cell);
    }
    row.set("cells", cells);
    row.set("open", std::to_string(counts.open()));
    return row;
}

// {"type": "bar", "labels": [...], "datasets": [{"label", "data", "color"}], "stacked": bool}
struct ChartData {
    Poco::JSON::Object::Ptr root = new Poco::JSON::Object;
    Poco::JSON::Array::Ptr labels = new Poco::JSON::Array;
    Poco::JSON::Array::Ptr datasets = new Poco::JSON::Array;

    ChartData(const std::string& type, bool stacked, const std::string& unit) {
        root->set("type", type);
        root->set("stacked", stacked);
        root->set("unit", unit);
        root->set("labels", labels);
        root->set("datasets", datasets);
    }
    Poco::JSON::Array::Ptr dataset(const std::string& label, const std::string& colour) {
        Poco::JSON::Object::Ptr set = new Poco::JSON::Object;
        Poco::JSON::Array::Ptr data = new Poco::JSON::Array;
        set->set("label", label);
        set->set("color", colour);
        set->set("data", data);
        datasets->add(set);
        return data;
    }
    std::string text() const { return services::jsonText(root); }
};

std::string colourChart(const std::vector<const services::ColourCounts*>& units) {
    ChartData chart("bar", true, "件");
    std::vector<Poco::JSON::Array::Ptr> series;
    for (size_t i = 0; i < std::size(kColumns); ++i)
        series.push_back(chart.dataset(std::string(domain::escalationLevels.label(kColumns[i])), kColumnColours[i]));
    for (const auto* unit : units) {
        chart.labels->add(unit->unitName);
        for (size_t i = 0; i < std::size(kColumns); ++i) series[i]->add(unit->byLevel[static_cast<int>(kColumns[i])]);
    }
    return chart.text();
}

std::string rateChart(const services::Statistics& s) {
    ChartData chart("bar", false, "%");
    auto data = chart.dataset("整改完成率（%）", "#1565c0");
    for (const auto& r : s.rectification) {
        chart.labels->add(r.roundTitle);
        // A round without fed-back findings has no rate: drawn as an empty bar, shown as "-" in the table.
        if (const auto p = r.ratePermille()) data->add(static_cast<double>(*p) / 10.0);
        else data->add(Poco::Dynamic::Var());
    }
    return chart.text();
}

std::string categoryChart(const services::Statistics& s) {
    ChartData chart("bar", false, "个");
    auto data = chart.dataset("发现问题（个）", "#6d4c41");
    for (const auto& c : s.categories) {
        chart.labels->add(c.name);
        data->add(c.findings);
    }
    return chart.text();
}

std::string rateText(const std::optional<int64_t>& permille) {
    return permille ? services::permilleText(*permille) + "%" : std::string("-");
}

// A day that is not a date: the form again with what was typed and the message next to the
// field (as text: a date input would blank a value that is not a date), and no figures (figures for another day than the one asked would mislead).
http::Reply refusedDay(const WebAssets& assets, http::Exchange& ex, const std::string& typed, const InvalidInput& e) {
    View view;
    view.set("as_of", typed);
    view.set("as_of_error", std::string(e.what()));
    return renderPage(assets, ex, "dashboard", view, {"统计看板", "/dashboard", 422});
}

// The day figures are judged on: ?as_of=YYYY-MM-DD, else today; nothing when what was typed is
// not a date (then `refused` is the page saying so).
std::optional<int32_t> asOfDay(const WebAssets& assets, http::Exchange& ex, std::optional<http::Reply>& refused) {
    const auto typedDay = ex.query("as_of");
    try {
        return typedDay && !typedDay->empty() ? services::requireDate(*typedDay, "截至日", "as_of") : services::localToday();
    } catch (const InvalidInput& e) {
        refused = refusedDay(assets, ex, *typedDay, e);
        return std::nullopt;
    }
}

// The viewer's figures on that day (all rounds, every unit), from the statistics cache.
std::optional<services::Statistics> figuresOnDay(const WebAssets& assets, http::Exchange& ex,
                                                 std::optional<http::Reply>& refused) {
    const auto day = asOfDay(assets, ex, refused);
    if (!day) return std::nullopt;
    services::StatisticsQuery query;
    query.asOf = *day;
    return services::cachedStatistics(ex.db(), ex.actor(), query, services::CategoryNames::installed(ex.settings()));
}

View colourHeads() {
    View heads = listView();
    for (const auto level : kColumns) {
        View head;
        head.set("label", std::string(domain::escalationLevels.label(level)));
        heads.push_back(head);
    }
    return heads;
}

std::string unitsHref(int32_t asOf, size_t page) {
    return "/dashboard/units?as_of=" + civil::formatDate(asOf) + (page > 1 ? "&page=" + std::to_string(page) : "");
}

http::Reply dashboard(const WebAssets& assets, http::Exchange& ex) {
    std::optional<http::Reply> refused;
    const auto figures = figuresOnDay(assets, ex, refused);
    if (!figures) return std::move(*refused);
    const auto& s = *figures;

    View view;
    view.set("as_of", civil::formatDate(s.asOf));
    view.set("colour_heads", colourHeads());
    auto worst = worstUnitsFirst(s.colours);
    if (worst.size() > kWorstUnits) {
        view.set("all_units", unitsHref(s.asOf, 1));
        view.set("units_count", std::to_string(worst.size()));
        view.set("worst_count", std::to_string(kWorstUnits));
        worst.resize(kWorstUnits);
    }
    View colours = listView();
    for (const auto* unit : worst) colours.push_back(colourRow(*unit));
    view.set("colours", colours);
    view.set("colour_total", colourRow(s.colourTotal));
    view.set("no_open", s.colours.empty());
    view.set("colour_chart", colourChart(worst));

    View overdue = listView();
    for (size_t i = 0; i < std::min(s.overdue.size(), kOverdueShown); ++i) {
        const auto& o = s.overdue[i];
        View row;
        row.set("href", "/tasks/" + std::to_string(o.task.id));
        row.set("id", std::to_string(o.task.id));
        row.set("title", o.task.findingTitle);
        row.set("unit", o.task.unitName);
        row.set("due", o.task.dueDate);
        row.set("days", std::to_string(o.daysOverdue));
        const auto badge = levelBadge(std::string(domain::escalationLevels.code(o.level)));
        row.set("badge", badge.text);
        row.set("badge_css", badge.css);
        overdue.push_back(row);
    }
    view.set("overdue", overdue);
    view.set("no_overdue", s.overdue.empty());
    view.set("overdue_count", std::to_string(s.overdue.size()));
    if (s.overdue.size() > kOverdueShown) {
        view.set("overdue_cut", std::to_string(kOverdueShown));
        // The task list judges overdue as of today: it lists these only when the day is today.
        if (s.asOf == services::localToday()) view.set("all_overdue", "/tasks?overdue=1");
    }

    View rounds = listView();
    for (const auto& r : s.rectification) {
        View row;
        row.set("href", roundHref(r.roundCode));
        row.set("title", r.roundTitle);
        row.set("code", r.roundCode);
        row.set("fed_back", std::to_string(r.fedBack));
        row.set("rectified", std::to_string(r.rectified));
        row.set("rate", rateText(r.ratePermille()));
        rounds.push_back(row);
    }
    view.set("rounds", rounds);
    view.set("no_rounds", s.rectification.empty());
    view.set("rate_total_fed_back", std::to_string(s.rectificationTotal.fedBack));
    view.set("rate_total_rectified", std::to_string(s.rectificationTotal.rectified));
    view.set("rate_total", rateText(s.rectificationTotal.ratePermille()));
    view.set("rate_chart", rateChart(s));

    View categories = listView();
    for (const auto& c : s.categories) {
        View row;
        row.set("name", c.name);
        row.set("findings", std::to_string(c.findings));
        row.set("amount", money::formatYuan(c.amountFen));
        categories.push_back(row);
    }
    view.set("categories", categories);
    view.set("no_categories", s.categories.empty());
    view.set("category_chart", categoryChart(s));
    return renderPage(assets, ex, "dashboard", view, {"统计看板", "/dashboard"});
}

// Every unit with open tasks on the day, in the dashboard's order, a page at a time.
http::Reply dashboardUnitsPage(const WebAssets& assets, http::Exchange& ex) {
    std::optional<http::Reply> refused;
    const auto figures = figuresOnDay(assets, ex, refused);
    if (!figures) return std::move(*refused);
    const auto& s = *figures;
    const auto order = worstUnitsFirst(s.colours);
    const auto slice = pageSlice(ex.query("page"), order.size(), kDashboardUnitsPerPage);
    View view;
    view.set("as_of", civil::formatDate(s.asOf));
    view.set("dashboard", "/dashboard?as_of=" + civil::formatDate(s.asOf));
    view.set("colour_heads", colourHeads());
    View colours = listView();
    for (size_t i = slice.first; i < slice.last; ++i) colours.push_back(colourRow(*order[i]));
    view.set("colours", colours);
    view.set("colour_total", colourRow(s.colourTotal));
    view.set("no_open", order.empty());
    view.set("units_count", std::to_string(order.size()));
    view.set("page", std::to_string(slice.page));
    view.set("pages", std::to_string(slice.pages));
    if (slice.page > 1) view.set("prev", unitsHref(s.asOf, slice.page - 1));
    if (slice.page < slice.pages) view.set("next", unitsHref(s.asOf, slice.page + 1));
    return renderPage(assets, ex, "dashboard_units", view, {"各单位未销号整改任务", "/dashboard"});
}

}  // namespace

void addDashboardPage(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/dashboard", signedInPage(assets, [&assets](http::Exchange& ex) { return dashboard(assets, ex); }),
               http::Access::Anyone);
    router.add("GET", "/dashboard/units", signedInPage(assets, [&assets](http::Exchange& ex) { return dashboardUnitsPage(assets, ex); }),
               http::Access::Anyone);
}

}  // namespace patrol::web
