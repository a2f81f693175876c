// The web pages of `patrol serve`, outside /api/v1: sign-in, the task pages, static files and
// the "not found" page for every other path. Each page calls the same use cases as the API.
#pragma once

#include "core/http/router.hpp"
#include "core/web/web_assets.hpp"

namespace patrol::web {

// `assets` must outlive the router.
void addSessionPages(http::Router& router, const WebAssets& assets);
void addStaticFiles(http::Router& router, const WebAssets& assets);
void addTaskListPage(http::Router& router, const WebAssets& assets);
void addTaskPages(http::Router& router, const WebAssets& assets);
void addEvidenceDownload(http::Router& router, const WebAssets& assets);
void addRectificationReportDownload(http::Router& router, const WebAssets& assets);
void addRoundPages(http::Router& router, const WebAssets& assets);
void addReviewPages(http::Router& router, const WebAssets& assets);
void addFindingPages(http::Router& router, const WebAssets& assets);
void addCheckPages(http::Router& router, const WebAssets& assets);
void addDashboardPage(http::Router& router, const WebAssets& assets);
void addExtensionPages(http::Router& router, const WebAssets& assets);
void addUserPages(http::Router& router, const WebAssets& assets);
void addUnitPages(http::Router& router, const WebAssets& assets);
void addRoundAdminPages(http::Router& router, const WebAssets& assets);
void addNoticePages(http::Router& router, const WebAssets& assets);

// Every page, and the fallback for paths no route has.
void addWebRoutes(http::Router& router, const WebAssets& assets);

}  // namespace patrol::web
