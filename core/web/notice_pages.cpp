// GET /notices (预警通知): the notices of escalation the user may see (notice_service decides:
// admins and leaders every one, an inspector those of its rounds, a unit its own), newest first,
// paged on the server, each with its colour badge and a link to the task it is about.
#include <algorithm>

#include "core/services/notice_service.hpp"
#include "core/web/labels.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/page_slice.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

constexpr size_t kNoticesPerPage = 20;

http::Reply noticesPage(const WebAssets& assets, http::Exchange& ex) {
    auto notices = services::listNotices(ex.db(), ex.actor(), {});
    std::reverse(notices.begin(), notices.end());  // the service lists oldest first
    const auto slice = pageSlice(ex.query("page"), notices.size(), kNoticesPerPage);
    View rows = listView();
    for (size_t i = slice.first; i < slice.last; ++i) {
        const auto& n = notices[i];
        View row;
        row.set("id", std::to_string(n.id));
        row.set("message", n.message);
        row.set("as_of", n.asOf);
        const auto badge = levelBadge(n.level);
        View b;
        b.set("text", badge.text);
        b.set("css", badge.css);
        row.set("badge", b);
        row.set("unit", n.unitName.value_or("-"));
        row.set("round", n.roundCode.value_or("-"));
        if (n.taskId) row.set("href", "/tasks/" + std::to_string(*n.taskId));
        rows.push_back(row);
    }
    View view;
    view.set("notices", rows);
    view.set("empty", notices.empty());
    view.set("total", std::to_string(notices.size()));
    view.set("page", std::to_string(slice.page));
    view.set("pages", std::to_string(slice.pages));
    if (slice.page > 1) view.set("prev", "/notices?page=" + std::to_string(slice.page - 1));
    if (slice.page < slice.pages) view.set("next", "/notices?page=" + std::to_string(slice.page + 1));
    return renderPage(assets, ex, "notices", view, {"预警通知", "/notices"});
}

}  // namespace

void addNoticePages(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/notices", signedInPage(assets, [&assets](http::Exchange& ex) { return noticesPage(assets, ex); }),
               http::Access::Anyone);
}

}  // namespace patrol::web
