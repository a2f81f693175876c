// GET /tasks: the tasks the user may see (a unit contact: its own unit's, "我的整改任务"),
// filtered and paged on the server, most urgent first. A unit contact also finds there the
// 整改情况报告 its unit owes for each round fed back to it, to download as a Word draft.
#include <Poco/URI.h>
#include <patrol/sdk/civil.hpp>

#include <algorithm>

#include "core/domain/escalation.hpp"
#include "core/domain/role.hpp"
#include "core/domain/task_status.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/rectification_report.hpp"
#include "core/services/workflow_settings.hpp"
#include "core/services/task_service.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/round_links.hpp"
#include "core/web/task_views.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

constexpr size_t kTasksPerPage = 20;

// Filter words from the address: only known codes are kept, anything else reads as "all".
template <typename Vocab>
std::optional<std::string> knownCode(const Vocab& vocabulary, const std::optional<std::string>& typed) {
    if (!typed || !vocabulary.find(*typed)) return std::nullopt;
    return typed;
}

template <typename Vocab>
View choices(const Vocab& vocabulary, const std::optional<std::string>& selected) {
    View list = listView();
    for (const auto& term : vocabulary.terms()) {
        View c;
        c.set("code", std::string(term.code));
        c.set("label", std::string(term.label));
        c.set("selected", selected && *selected == term.code);
        list.push_back(c);
    }
    return list;
}

size_t pageNumber(const std::optional<std::string>& typed) {
    if (!typed || typed->empty() || typed->size() > 6 || !std::all_of(typed->begin(), typed->end(), ::isdigit)) return 1;
    return std::max<size_t>(1, std::stoul(*typed));
}

std::string pageHref(const services::TaskFilter& filter, size_t page) {
    std::string query;
    auto add = [&query](const std::string& key, const std::string& value) {
        std::string encoded;
        Poco::URI::encode(value, "?#&=+%", encoded);
        query += (query.empty() ? "?" : "&") + key + "=" + encoded;
    };
    if (filter.status) add("status", *filter.status);
    if (filter.level) add("level", *filter.level);
    if (filter.overdue) add("overdue", "1");
    if (page > 1) add("page", std::to_string(page));
    return "/tasks" + query;
}

http::Reply listPage(const WebAssets& assets, http::Exchange& ex) {
    services::TaskFilter filter;
    filter.status = knownCode(domain::taskStatuses, ex.query("status"));
    filter.level = knownCode(domain::escalationLevels, ex.query("level"));
    filter.overdue = ex.queryFlag("overdue");
    filter.asOf = services::localToday();
    const auto found = services::pageOfTasks(ex.db(), ex.actor(), filter, static_cast<int64_t>(pageNumber(ex.query("page"))),
                                             static_cast<int64_t>(kTasksPerPage));
    const size_t pages = static_cast<size_t>(found.pages), page = static_cast<size_t>(found.page);
    View rows = listView();
    for (const auto& task : found.tasks) rows.push_back(taskSummaryView(task, filter.asOf));

    View view;
    view.set("tasks", rows);
    view.set("empty", found.total == 0);
    view.set("total", std::to_string(found.total));
    view.set("statuses", choices(domain::taskStatuses, filter.status));
    view.set("levels", choices(domain::escalationLevels, filter.level));
    view.set("overdue", filter.overdue);
    view.set("page", std::to_string(page));
    view.set("pages", std::to_string(pages));
    if (page > 1) view.set("prev", pageHref(filter, page - 1));
    if (page < pages) view.set("next", pageHref(filter, page + 1));
    View reports = listView();
    for (const auto& owed : services::rectificationReportsOwed(ex.db(), ex.actor(), services::readWorkflowSettings(ex.settings()))) {
        View r;
        r.set("round", owed.round.code);
        r.set("title", owed.round.title);
        r.set("due", civil::formatDate(owed.due));
        r.set("href", roundHref(owed.round.code) + "/rectification-report");
        reports.push_back(r);
    }
    view.set("has_reports", !reports.is_empty_list());
    view.set("reports", reports);
    const std::string title = ex.actor().role == domain::Role::Unit ? "我的整改任务" : "整改任务";
    view.set("heading", title);
    return renderPage(assets, ex, "tasks", view, {title, "/tasks"});
}

}  // namespace

void addTaskListPage(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/tasks", signedInPage(assets, [&assets](http::Exchange& ex) { return listPage(assets, ex); }),
               http::Access::Anyone);
}

}  // namespace patrol::web
