// /api/v1/rounds: inspection rounds through the same use cases as `patrol round list|show|advance`.
#include <Poco/JSON/Array.h>

#include "core/api/api_routes.hpp"
#include "core/api/paging.hpp"
#include "core/api/word_values.hpp"
#include "core/domain/round_stage.hpp"
#include "core/http/exchange.hpp"
#include "core/services/feedback.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/record_views.hpp"
#include "core/services/rectification_report_file.hpp"
#include "core/services/round_detail_view.hpp"
#include "core/services/round_service.hpp"

namespace patrol::api {

namespace {

http::Reply listRounds(http::Exchange& ex) {
    return page<store::RoundRecord>(ex, services::listRounds(ex.db(), ex.actor()), [](const auto& r) { return r.id; },
                                    [](const auto& r) { return services::roundView(r); });
}

http::Reply showRound(http::Exchange& ex) {
    return http::Reply::json(services::roundDetailView(services::showRound(ex.db(), ex.actor(), ex.param("code"))));
}

// {"to": stage, "date": "YYYY-MM-DD"}: the round as it now stands, the rectification tasks that
// entering fed_back created (empty otherwise) and the calendar's warnings about their due dates.
http::Reply advance(http::Exchange& ex) {
    auto body = ex.json();
    const auto to = body.text("to");
    const auto date = body.optionalText("date");
    body.finish();
    knownWord(std::optional(to), domain::roundStages, "字段", "to");
    services::FeedbackResult created;
    const auto round = services::advanceRound(ex.db(), ex.actor(), ex.param("code"), to, date,
                                              services::rectificationOnFeedback(ex.settings(), std::nullopt, &created));
    auto view = services::roundDetailView(services::showRound(ex.db(), ex.actor(), round.code));
    Poco::JSON::Array::Ptr tasks = new Poco::JSON::Array;
    for (const auto& t : created.tasks) tasks->add(services::taskView(t));
    view->set("created_tasks", tasks);
    Poco::JSON::Array::Ptr warnings = new Poco::JSON::Array;
    for (const auto& w : created.warnings) warnings->add(w);
    view->set("warnings", warnings);
    return http::Reply::json(view);
}

// The unit's 整改情况报告 for the round as a Word document, as of today: a unit user's own unit,
// anyone else the unit of ?unit=CODE.
http::Reply rectificationReport(http::Exchange& ex) {
    auto report = services::draftRectificationReportDocx(ex.db(), ex.actor(), ex.param("code"), ex.query("unit"),
                                                         services::localToday(), ex.settings());
    return http::Reply::attachment(std::move(report.bytes), services::kDocxContentType, report.fileName);
}

}  // namespace

void addRoundRoutes(http::Router& router) {
    router.add("GET", "/api/v1/rounds", listRounds);
    router.add("GET", "/api/v1/rounds/{code}", showRound);
    router.add("POST", "/api/v1/rounds/{code}/advance", advance);
    router.add("GET", "/api/v1/rounds/{code}/rectification-report", rectificationReport);
}

}  // namespace patrol::api
