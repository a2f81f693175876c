// /api/v1/clues: findings transferred as clues (问题线索), their disposal and outcomes, as
// `patrol clue …` does them. To a unit user no clue exists: every number reads as missing.
#include "core/api/api_routes.hpp"
#include "core/api/paging.hpp"
#include "core/api/request_values.hpp"
#include "core/http/exchange.hpp"
#include "core/services/clue_service.hpp"
#include "core/services/not_found.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"

namespace patrol::api {

namespace {

int64_t clueId(const http::Exchange& ex) {
    return ex.idParam("id", services::clueNotFound);
}

int64_t clueFindingId(const http::Exchange& ex) {
    return ex.idParam("id", services::findingNotFound);
}

http::Reply clueReply(const services::ClueView& v, int status = 200) { return http::Reply::json(services::clueView(v), status); }

http::Reply transfer(http::Exchange& ex) {
    const int64_t id = clueFindingId(ex);
    auto body = ex.json();
    const auto to = body.text("to");
    const auto day = eventDay(body);
    body.finish();
    return clueReply(services::transferClue(ex.db(), ex.actor(), id, to, day), 201);
}

http::Reply dispose(http::Exchange& ex) {
    const int64_t id = clueId(ex);
    auto body = ex.json();
    const auto method = body.text("method");
    const auto note = body.optionalText("note");
    const auto day = eventDay(body);
    body.finish();
    return clueReply(services::disposeClue(ex.db(), ex.actor(), id, method, note, day));
}

http::Reply outcome(http::Exchange& ex) {
    const int64_t id = clueId(ex);
    auto body = ex.json();
    services::OutcomeInput input;
    input.person = body.text("person");
    input.level = body.text("level");
    input.form = body.text("form");
    input.partySanction = body.optionalText("party_sanction");
    input.governmentSanction = body.optionalText("gov_sanction");
    input.organizationalHandling = body.optionalText("org_handling");
    input.referred = body.flag("referred");
    input.recovered = body.optionalAmount("recovered");
    const auto day = eventDay(body);
    body.finish();
    return clueReply(services::recordOutcome(ex.db(), ex.actor(), id, input, day));
}

http::Reply listClues(http::Exchange& ex) {
    return page<services::ClueView>(ex, services::listClues(ex.db(), ex.actor(), ex.query("round")),
                                    [](const auto& v) { return v.clue.id; }, [](const auto& v) { return services::clueView(v); });
}

http::Reply showClue(http::Exchange& ex) { return clueReply(services::showClue(ex.db(), ex.actor(), clueId(ex))); }

// Closed clues per mille of all, rounded half up, as a number with one decimal (e.g. 66.7).
Poco::Dynamic::Var closureRate(const services::ClueFigures& f) {
    if (f.clues == 0) return {};
    const int64_t permille = (f.concluded * 2000 + f.clues) / (2 * f.clues);
    return services::JsonNumber{std::to_string(permille / 10) + "." + std::to_string(permille % 10)};
}

Poco::JSON::Object::Ptr figuresView(const services::ClueFigures& f) {
    auto o = services::jsonObject();
    o->set("receiver", f.receiver);
    o->set("clues", f.clues);
    o->set("people", f.people);
    o->set("concluded", f.concluded);
    o->set("closure_rate", closureRate(f));
    for (int i = 0; i < 4; ++i) o->set("f" + std::to_string(i + 1), f.formCounts[i]);
    o->set("sanctioned_people", f.sanctionedPeople);
    o->set("referred", f.referred);
    o->set("recovered", services::moneyNumber(f.recoveredFen));
    return o;
}

// One row per receiving body with clues, then the total (receiver "合计"), as `patrol clue stats`.
http::Reply stats(http::Exchange& ex) {
    Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
    for (const auto& f : services::clueStatistics(ex.db(), ex.actor(), ex.query("round"))) rows->add(figuresView(f));
    auto o = services::jsonObject();
    o->set("items", rows);
    return http::Reply::json(o);
}

}  // namespace

void addClueRoutes(http::Router& router) {
    router.add("POST", "/api/v1/findings/{id}/clue", transfer);
    router.add("GET", "/api/v1/clues", listClues);
    router.add("GET", "/api/v1/clues/stats", stats);  // before {id}: the first matching route answers
    router.add("GET", "/api/v1/clues/{id}", showClue);
    router.add("POST", "/api/v1/clues/{id}/dispose", dispose);
    router.add("POST", "/api/v1/clues/{id}/outcome", outcome);
}

}  // namespace patrol::api
