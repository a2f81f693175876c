// /api/v1/tasks: rectification tasks through the same use cases as `patrol task …`.
#include "core/api/answer_key.hpp"
#include "core/api/api_routes.hpp"
#include "core/api/paging.hpp"
#include "core/api/request_values.hpp"
#include "core/http/exchange.hpp"
#include "core/http/multipart_form.hpp"
#include "core/services/answer_cache.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/not_found.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"
#include "core/services/task_history_view.hpp"
#include "core/services/task_service.hpp"
#include "core/services/workflow_settings.hpp"

namespace patrol::api {

namespace {

int64_t taskId(const http::Exchange& ex) {
    return ex.idParam("id", services::taskNotFound);
}

http::Reply taskReply(const store::TaskRecord& t) { return http::Reply::json(services::listedTaskView(t, services::localToday())); }

// The plain answer: the reference the kept answers are tested against.
http::Reply plainList(http::Exchange& ex, const services::TaskFilter& filter) {
    const int32_t asOf = filter.asOf;
    return page<store::TaskRecord>(ex, services::listTasks(ex.db(), ex.actor(), filter), [](const auto& t) { return t.id; },
                                   [asOf](const auto& t) { return services::listedTaskView(t, asOf); });
}

// Kept between writes per viewer and query (answer_cache.hpp); the as-of day is part of the key,
// so a list read across midnight is not yesterday's. Paging is keyed as typed: it is checked
// inside, after the filters, as before.
http::Reply listTasks(http::Exchange& ex) {
    services::TaskFilter filter;
    filter.roundCode = ex.query("round");
    filter.unitCode = ex.query("unit");
    filter.status = ex.query("status");
    filter.level = ex.query("level");
    filter.overdue = ex.queryFlag("overdue");
    filter.asOf = queryDay(ex.query("as_of"), "as_of");
    AnswerKey key("GET /api/v1/tasks", ex.actor());
    key.add(filter.roundCode).add(filter.unitCode).add(filter.status).add(filter.level);
    key.add(int64_t{filter.overdue}).add(int64_t{filter.asOf}).add(ex.query("limit")).add(ex.query("cursor"));
    return http::Reply::jsonText(services::cachedAnswer(ex.db(), key.text(), [&] { return plainList(ex, filter).body; }));
}

http::Reply showTask(http::Exchange& ex) {
    return http::Reply::json(services::taskHistoryView(services::showTask(ex.db(), ex.actor(), taskId(ex))));
}

http::Reply plan(http::Exchange& ex) {
    const int64_t id = taskId(ex);
    auto body = ex.json();
    const auto measure = body.text("measure");
    const auto handler = body.text("handler");
    const auto leader = body.text("leader");
    const auto day = eventDay(body);
    body.finish();
    return taskReply(services::planTask(ex.db(), ex.actor(), id, measure, handler, leader, day));
}

bool isJsonRequest(http::Exchange& ex) {
    const std::string type = ex.request().getContentType();
    return type.empty() || type.rfind("application/json", 0) == 0;
}

int percentOf(const std::string& text) {
    return static_cast<int>(std::min<int64_t>(services::requireCount(text, "整改进度", "percent"), 1000));
}

// JSON {"percent", "note", "date"}, or multipart/form-data with those fields as text parts and
// any number of "evidence" file parts.
http::Reply progress(http::Exchange& ex) {
    const int64_t id = taskId(ex);
    const services::EvidenceStore evidence = services::evidenceStoreOf(ex.settings());
    services::ProgressInput input;
    if (isJsonRequest(ex)) {
        auto body = ex.json();
        input.percent = static_cast<int>(std::clamp<int64_t>(body.integer("percent"), -1, 1000));
        input.note = body.text("note");
        input.day = eventDay(body);
        body.finish();
        // Without uploads a report is a few rows: it shares its COMMIT with concurrent reports.
        // With uploads it stays on its own (the files are stored before its transaction).
        std::optional<store::TaskRecord> after;
        ex.writeTogether([&](store::Database& db) { after = services::reportProgress(db, ex.actor(), id, input, evidence); });
        return taskReply(*after);
    }
    const auto workflow = services::readWorkflowSettings(ex.settings());
    auto form = http::MultipartForm::read(ex, evidence.folder(), workflow.evidenceMaxBytes);
    const auto percent = form.text("percent");
    if (!percent) throw InvalidInput("percent", "整改进度", "不能为空：请填写完成百分比 0–100。");
    input.percent = percentOf(*percent);
    input.note = form.text("note").value_or("");
    const auto date = form.text("date");
    input.day = date && !date->empty() ? services::requireDate(*date, "字段 date", "date") : services::localToday();
    auto& files = form.files("evidence");
    form.finish();
    for (auto& f : files) {
        services::EvidenceUpload upload;
        upload.originalName = f.fileName;
        upload.content = &f.content->read();
        upload.declaredSize = f.size;
        input.evidence.push_back(upload);
    }
    return taskReply(services::reportProgress(ex.db(), ex.actor(), id, input, evidence));
}

http::Reply submit(http::Exchange& ex) {
    const int64_t id = taskId(ex);
    auto body = ex.json();
    const auto day = eventDay(body);
    body.finish();
    return taskReply(services::submitTask(ex.db(), ex.actor(), id, day));
}

http::Reply accept(http::Exchange& ex) {
    const int64_t id = taskId(ex);
    auto body = ex.json();
    const auto note = body.optionalText("note");
    const auto day = eventDay(body);
    body.finish();
    return taskReply(services::acceptTask(ex.db(), ex.actor(), id, note, day));
}

http::Reply returnToUnit(http::Exchange& ex) {
    const int64_t id = taskId(ex);
    auto body = ex.json();
    const auto reason = body.text("reason");
    const auto day = eventDay(body);
    body.finish();
    return taskReply(services::returnTask(ex.db(), ex.actor(), id, reason, day));
}

http::Reply extend(http::Exchange& ex) {
    const int64_t id = taskId(ex);
    auto body = ex.json();
    const auto to = services::requireDate(body.text("to"), "字段 to", "to");
    const auto reason = body.text("reason");
    const auto day = eventDay(body);
    body.finish();
    return http::Reply::json(services::extensionView(services::requestExtension(ex.db(), ex.actor(), id, to, reason, day)), 201);
}

http::Reply decide(http::Exchange& ex, bool approve) {
    const int64_t id = taskId(ex);
    auto body = ex.json();
    services::ExtensionDecision decision;
    decision.approve = approve;
    decision.day = eventDay(body);
    decision.asOf = optionalDay(body, "as_of");
    decision.reason = approve ? body.optionalText("reason") : std::optional(body.text("reason"));
    body.finish();
    return taskReply(services::decideExtension(ex.db(), ex.actor(), id, decision));
}

}  // namespace

void addTaskRoutes(http::Router& router) {
    router.add("GET", "/api/v1/tasks", listTasks);
    router.add("GET", "/api/v1/tasks/{id}", showTask);
    router.add("POST", "/api/v1/tasks/{id}/plan", plan);
    router.add("POST", "/api/v1/tasks/{id}/progress", progress);
    router.add("POST", "/api/v1/tasks/{id}/submit", submit);
    router.add("POST", "/api/v1/tasks/{id}/accept", accept);
    router.add("POST", "/api/v1/tasks/{id}/return", returnToUnit);
    router.add("POST", "/api/v1/tasks/{id}/extension", extend);
    router.add("POST", "/api/v1/tasks/{id}/extension/approve", [](http::Exchange& ex) { return decide(ex, true); });
    router.add("POST", "/api/v1/tasks/{id}/extension/deny", [](http::Exchange& ex) { return decide(ex, false); });
}

}  // namespace patrol::api
