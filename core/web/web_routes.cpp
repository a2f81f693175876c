#include "core/web/web_routes.hpp"

#include "core/web/page_guard.hpp"

namespace patrol::web {

void addWebRoutes(http::Router& router, const WebAssets& assets) {
    addSessionPages(router, assets);
    addStaticFiles(router, assets);
    addTaskListPage(router, assets);
    addTaskPages(router, assets);
    addEvidenceDownload(router, assets);
    addRectificationReportDownload(router, assets);
    addRoundAdminPages(router, assets);  // before the round page: /rounds/new is a form
    addRoundPages(router, assets);
    addReviewPages(router, assets);
    addFindingPages(router, assets);
    addCheckPages(router, assets);
    addDashboardPage(router, assets);
    addExtensionPages(router, assets);
    addUserPages(router, assets);
    addUnitPages(router, assets);
    addNoticePages(router, assets);
    router.setFallback(openPage(assets, [&assets](http::Exchange& ex) { return notFoundPage(assets, ex); }));
}

}  // namespace patrol::web
