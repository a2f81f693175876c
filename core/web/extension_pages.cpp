// GET /extensions (延期审批): the extension requests waiting for a leader's decision, each with
// its task and reason, and the two forms that decide it: approve (an optional note) or deny (a
// reason is required). The decision is the task use case the API calls (decideExtension).
#include "core/domain/errors.hpp"
#include "core/services/extension_queue.hpp"
#include "core/services/not_found.hpp"
#include "core/services/task_service.hpp"
#include "core/web/form_fields.hpp"
#include "core/web/labels.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

// A decision the service refused, shown again on the request it was about.
struct RefusedDecision {
    int64_t taskId = 0;
    std::string form;  // "approve" | "deny"
    std::string reason;
    std::string fieldError;  // next to the reason
    std::string formError;   // above the request
    int status = 422;
};

std::string extensionConfirmation(const std::optional<std::string>& done) {
    if (done == "approve") return "已批准延期申请，整改期限已按申请调整。";
    if (done == "deny") return "已驳回延期申请，整改期限不变。";
    return "";
}

http::Reply queuePage(const WebAssets& assets, http::Exchange& ex, const RefusedDecision* refused = nullptr) {
    const auto queue = services::pendingExtensions(ex.db(), ex.actor());
    View rows = listView();
    for (const auto& [request, task] : queue) {
        View row;
        row.set("task_id", std::to_string(task.id));
        row.set("href", "/tasks/" + std::to_string(task.id));
        row.set("title", task.findingTitle);
        row.set("unit", task.unitName);
        row.set("kind", rectificationKindLabel(task.kind));
        row.set("status", taskStatusLabel(task.status));
        row.set("previous_due", request.previousDue);
        row.set("requested_due", request.requestedDue);
        row.set("reason", request.reason);
        row.set("requested_by", request.requestedBy);
        row.set("requested_on", request.requestedOn.value_or(request.requestedAt.substr(0, 10)));
        const auto badge = levelBadge(task.level);
        row.set("badge", badge.text);
        row.set("badge_css", badge.css);
        if (refused && refused->taskId == task.id) {
            row.set(refused->form + "_reason", refused->reason);
            if (!refused->fieldError.empty()) row.set(refused->form + "_error", refused->fieldError);
            if (!refused->formError.empty()) row.set("form_error", refused->formError);
        }
        rows.push_back(row);
    }
    View view;
    view.set("requests", rows);
    view.set("empty", queue.empty());
    view.set("count", std::to_string(queue.size()));
    // A request decided meanwhile (by another leader) is no longer listed: say so above the list.
    if (refused && !refused->formError.empty()) {
        bool listed = false;
        for (const auto& entry : queue) listed = listed || entry.task.id == refused->taskId;
        if (!listed) view.set("page_error", refused->formError);
    }
    const auto done = extensionConfirmation(ex.query("done"));
    if (!done.empty()) view.set("done", done);
    return renderPage(assets, ex, "extensions", view, {"延期审批", "/extensions", refused ? refused->status : 200});
}

http::Reply decide(const WebAssets& assets, http::Exchange& ex, bool approve) {
    const int64_t id = ex.idParam("id", services::taskNotFound);
    const auto form = FormFields::read(ex);
    requireCsrf(ex, form.value("csrf"));
    const std::string reason = form.value("reason");
    const std::string name = approve ? "approve" : "deny";
    services::ExtensionDecision decision;
    decision.approve = approve;
    // An approval note is optional: an empty box means none, not an empty note.
    if (!approve || !reason.empty()) decision.reason = reason;
    try {
        services::decideExtension(ex.db(), ex.actor(), id, decision);
        return redirectTo("/extensions?done=" + name);
    } catch (const InvalidInput& e) {
        RefusedDecision refused{id, name, reason, e.what(), "", 422};
        return queuePage(assets, ex, &refused);
    } catch (const UserError& e) {
        if (e.kind() != ErrorKind::Conflict) throw;
        RefusedDecision refused{id, name, reason, "", e.what(), 409};
        return queuePage(assets, ex, &refused);
    }
}

}  // namespace

void addExtensionPages(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/extensions", signedInPage(assets, [&assets](http::Exchange& ex) { return queuePage(assets, ex); }),
               http::Access::Anyone);
    router.add("POST", "/extensions/{id}/approve",
               signedInPage(assets, [&assets](http::Exchange& ex) { return decide(assets, ex, true); }), http::Access::Anyone);
    router.add("POST", "/extensions/{id}/deny",
               signedInPage(assets, [&assets](http::Exchange& ex) { return decide(assets, ex, false); }), http::Access::Anyone);
}

}  // namespace patrol::web
