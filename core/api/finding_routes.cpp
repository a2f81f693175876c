// /api/v1/findings: findings through the same use cases as `patrol finding list|show|add|confirm|
// dismiss`; confirm and dismiss also take many numbers at once, all or none.
#include <Poco/JSON/Array.h>

#include "core/api/api_routes.hpp"
#include "core/api/paging.hpp"
#include "core/api/request_values.hpp"
#include "core/api/word_values.hpp"
#include "core/domain/finding_status.hpp"
#include "core/domain/rectification_kind.hpp"
#include "core/domain/severity.hpp"
#include "core/http/exchange.hpp"
#include "core/services/finding_attachments.hpp"
#include "core/services/finding_review.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/not_found.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"

namespace patrol::api {

namespace {

using domain::FindingEvent;

int64_t findingId(const http::Exchange& ex) {
    return ex.idParam("id", services::findingNotFound);
}

// The finding as the actor may see it: without `transferred` for those to whom clues do not exist.
Poco::JSON::Object::Ptr viewFor(const http::Exchange& ex, const store::FindingRecord& f) {
    return services::findingView(f, services::seesTransfers(ex.actor()));
}

http::Reply listFindings(http::Exchange& ex) {
    services::FindingFilter filter;
    filter.roundCode = ex.query("round");
    filter.unitCode = ex.query("unit");
    filter.status = knownWord(ex.query("status"), domain::findingStatuses, "参数", "status");
    return page<store::FindingRecord>(ex, services::listFindings(ex.db(), ex.actor(), filter), [](const auto& f) { return f.id; },
                                      [&ex](const auto& f) { return viewFor(ex, f); });
}

http::Reply showFinding(http::Exchange& ex) {
    return http::Reply::json(services::findingDetailView(ex.db(), ex.actor(), services::showFinding(ex.db(), ex.actor(), findingId(ex))));
}

// The fields of `patrol finding add`, named as its options: a manual finding, recorded confirmed.
http::Reply addFinding(http::Exchange& ex) {
    auto body = ex.json();
    services::FindingInput input;
    input.roundCode = body.text("round");
    input.unitCode = body.text("unit");
    input.category = body.text("category");
    input.title = body.text("title");
    input.detail = body.optionalText("detail").value_or("");
    input.severity = body.optionalText("severity");
    input.amount = body.optionalAmount("amount");
    if (const auto people = body.optionalInteger("people")) input.peopleCount = std::to_string(*people);
    input.peopleLevel = body.optionalText("people_level");
    input.rectificationKind = body.optionalText("kind");
    body.finish();
    knownWord(input.severity, domain::severities, "字段", "severity");
    knownWord(input.rectificationKind, domain::rectificationKinds, "字段", "kind");
    return http::Reply::json(viewFor(ex, services::addFinding(ex.db(), ex.actor(), input)), 201);
}

http::Reply confirm(http::Exchange& ex) {
    const int64_t id = findingId(ex);
    auto body = ex.json();
    const auto day = optionalDay(body, "date");
    body.finish();
    return http::Reply::json(viewFor(ex, services::confirmFinding(ex.db(), ex.actor(), id, day)));
}

http::Reply dismiss(http::Exchange& ex) {
    const int64_t id = findingId(ex);
    auto body = ex.json();
    const auto reason = body.text("reason");
    const auto day = optionalDay(body, "date");
    body.finish();
    return http::Reply::json(viewFor(ex, services::dismissFinding(ex.db(), ex.actor(), id, reason, day)));
}

// {"ids": [...], "reason" (dismiss), "date"}: every listed finding is decided, or none is and the
// answer names the first that could not be. Answers {"items": [the findings as now stored]}.
http::Reply review(http::Exchange& ex, FindingEvent event) {
    auto body = ex.json();
    services::FindingSelection selection;
    selection.ids = body.integers("ids");
    std::optional<std::string> reason;
    if (event == FindingEvent::Dismiss) reason = body.text("reason");
    const auto day = optionalDay(body, "date");
    body.finish();
    if (selection.ids.empty())
        throw InvalidInput("ids", "问题编号列表", "为空：请列出要" + std::string(domain::findingEvents.label(event)) + "的问题编号，例如 [12, 13]。");
    const auto decided = services::reviewFindings(ex.db(), ex.actor(), selection, event, reason, [](size_t) { return true; }, day);
    Poco::JSON::Object::Ptr answer = services::jsonObject();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& f : decided.findings) items->add(viewFor(ex, f));
    answer->set("items", items);
    return http::Reply::json(answer);
}

}  // namespace

void addFindingRoutes(http::Router& router) {
    router.add("GET", "/api/v1/findings", listFindings);
    router.add("POST", "/api/v1/findings", addFinding);
    router.add("POST", "/api/v1/findings/confirm", [](http::Exchange& ex) { return review(ex, FindingEvent::Confirm); });
    router.add("POST", "/api/v1/findings/dismiss", [](http::Exchange& ex) { return review(ex, FindingEvent::Dismiss); });
    router.add("GET", "/api/v1/findings/{id}", showFinding);
    router.add("POST", "/api/v1/findings/{id}/confirm", confirm);
    router.add("POST", "/api/v1/findings/{id}/dismiss", dismiss);
}

}  // namespace patrol::api
