// GET /rounds/{code}/rectification-report: the unit contact's 整改情况报告 for the round, drafted
// as of today as the Word document `patrol report rectification` writes; only for its own unit.
// Another unit, or a round it may not see, gives the same "not found" page as a missing one.
#include "core/services/rectification_report_file.hpp"
#include "core/services/input_checks.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

void addRectificationReportDownload(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/rounds/{code}/rectification-report", signedInPage(assets, [](http::Exchange& ex) {
        auto report = services::draftRectificationReportDocx(ex.db(), ex.actor(), ex.param("code"), ex.query("unit"),
                                                             services::localToday(), ex.settings());
        return http::Reply::attachment(std::move(report.bytes), services::kDocxContentType, report.fileName);
    }), http::Access::Anyone);
}

}  // namespace patrol::web
