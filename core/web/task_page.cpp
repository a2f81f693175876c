#include "core/web/task_page.hpp"

#include <Poco/JSON/Parser.h>

#include <map>
#include <optional>

#include "core/domain/escalation.hpp"
#include "core/domain/role.hpp"
#include "core/services/authorization.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/task_service.hpp"
#include "core/services/workflow_settings.hpp"
#include "core/web/labels.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/task_views.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

// What a form's fields show: the refused values when this form was refused, else `stored`.
View formView(const RefusedForm* refused, const std::string& form, const std::map<std::string, std::string>& stored) {
    View v;
    const bool mine = refused && refused->form == form;
    for (const auto& [name, value] : stored) {
        std::string shown = value;
        if (mine)
            if (const auto typed = refused->values.find(name); typed != refused->values.end()) shown = typed->second;
        v.set(name, shown);
    }
    if (mine) {
        if (stored.count(refused->field)) v.set(refused->field + "_error", refused->message);
        else v.set("form_error", refused->message);
    }
    return v;
}

std::string fileSizeText(int64_t bytes) {
    const int64_t mib = int64_t(1) << 20;
    if (bytes >= mib && bytes % mib == 0) return std::to_string(bytes / mib) + " MB";
    if (bytes >= 1024) return std::to_string(bytes / 1024) + " KB";
    return std::to_string(bytes) + " 字节";
}

std::string flashText(const std::string& done) {
    static const std::map<std::string, std::string> words{{"plan", "整改措施已保存。"},
                                                          {"progress", "整改进展已报告。"},
                                                          {"submit", "已提交销号，等待巡察组验收。"},
                                                          {"extension", "延期申请已提交，等待审批。"},
                                                          {"accept", "已验收销号。"},
                                                          {"return", "已退回整改。"}};
    const auto it = words.find(done);
    return it == words.end() ? std::string() : it->second;
}

// "2026-12-04T03:10:22Z" -> "2026-12-04 03:10"
std::string shortTime(const std::string& at) {
    if (at.size() < 16) return at;
    return at.substr(0, 10) + " " + at.substr(11, 5);
}

View evidenceList(const std::vector<store::EvidenceRecord>& evidence, std::optional<int64_t> progressId) {
    View list = listView();
    for (const auto& e : evidence) {
        if (e.progressId != progressId) continue;
        View f;
        f.set("name", e.originalName);
        f.set("href", "/evidence/" + std::to_string(e.id));
        f.set("size", fileSizeText(e.size));
        list.push_back(f);
    }
    return list;
}

// "无→问责建议" for an escalation event, which states the level it rose from; none otherwise.
std::optional<std::string> levelChange(const store::AuditEvent& event) {
    if (!event.content.after) return std::nullopt;
    try {
        const auto after = Poco::JSON::Parser().parse(*event.content.after).extract<Poco::JSON::Object::Ptr>();
        if (!after->has("from") || !after->has("level")) return std::nullopt;
        const auto label = [&](const char* key) {
            const auto code = after->getValue<std::string>(key);
            const auto level = domain::escalationLevels.find(code);
            return level ? std::string(domain::escalationLevels.label(*level)) : code;
        };
        return label("from") + "→" + label("level");
    } catch (const Poco::Exception&) {  // an event this page cannot read still lists its action
        return std::nullopt;
    }
}

View historyView(const services::TaskHistory& history) {
    View v;
    View progress = listView();
    for (auto it = history.progress.rbegin(); it != history.progress.rend(); ++it) {
        View p;
        p.set("on", it->reportedOn);
        p.set("author", it->author);
        p.set("percent", std::to_string(it->percent));
        p.set("narrative", it->narrative);
        if (it->review) p.set("review", *it->review);
        p.set("files", evidenceList(history.evidence, it->id));
        progress.push_back(p);
    }
    v.set("progress", progress);
    v.set("has_progress", !history.progress.empty());
    View extensions = listView();
    for (const auto& e : history.extensions) {
        View x;
        x.set("on", e.requestedOn.value_or(e.requestedAt.substr(0, 10)));
        x.set("by", e.requestedBy);
        x.set("from", e.previousDue);
        x.set("to", e.requestedDue);
        x.set("reason", e.reason);
        x.set("status", extensionStatusLabel(e.status));
        if (e.decisionReason) x.set("decision", *e.decisionReason);
        extensions.push_back(x);
    }
    v.set("extensions", extensions);
    v.set("has_extensions", !history.extensions.empty());
    View events = listView();
    for (auto it = history.events.rbegin(); it != history.events.rend(); ++it) {
        View e;
        e.set("at", shortTime(it->at));
        e.set("actor", it->content.actor);
        e.set("action", taskActionLabel(it->content.action));
        if (const auto change = levelChange(*it)) e.set("change", *change);
        events.push_back(e);
    }
    v.set("events", events);
    v.set("other_files", evidenceList(history.evidence, std::nullopt));
    return v;
}

}  // namespace

http::Reply taskPage(const WebAssets& assets, http::Exchange& ex, int64_t taskId, const RefusedForm* refused) {
    const auto history = services::showTask(ex.db(), ex.actor(), taskId);
    const auto& task = history.task;
    const int32_t today = services::localToday();
    const auto workflow = services::readWorkflowSettings(ex.settings());

    View view = taskSummaryView(task, today);
    const auto finding = services::showFinding(ex.db(), ex.actor(), task.findingId);
    view.set("detail", finding.detail);
    view.set("assigned", task.assignedOn);
    if (task.measure) view.set("measure", *task.measure);
    if (task.handler) view.set("handler", *task.handler);
    if (task.leader) view.set("leader", *task.leader);
    if (!history.progress.empty()) view.set("percent", std::to_string(history.progress.back().percent));
    if (!refused) {
        const std::string done = flashText(ex.query("done").value_or(""));
        if (!done.empty()) view.set("flash", done);
    }

    // The forms a unit contact needs in the task's state; the services still decide.
    if (ex.actor().role == domain::Role::Unit) {
        const std::string& s = task.status;
        if (s == "assigned" || s == "planned")
            view.set("plan_form", formView(refused, "plan", {{"measure", task.measure.value_or("")},
                                                              {"handler", task.handler.value_or("")},
                                                              {"leader", task.leader.value_or("")}}));
        if (s == "planned" || s == "in_progress") {
            View progress = formView(refused, "progress", {{"percent", ""}, {"note", ""}, {"evidence", ""}});
            progress.set("max_bytes", std::to_string(workflow.evidenceMaxBytes));
            progress.set("max_text", fileSizeText(workflow.evidenceMaxBytes));
            view.set("progress_form", progress);
        }
        if (s == "in_progress") view.set("submit_form", formView(refused, "submit", {}));
        if (s != "accepted" && s != "submitted")
            view.set("extension_form", formView(refused, "extension", {{"to", ""}, {"reason", ""}}));
    }
    // Inspectors of the round (and admin) judge a submitted task: accept with a verification
    // note, or return it with a reason.
    if (task.status == "submitted" && (ex.actor().role == domain::Role::Admin ||
                                       services::isRoundInspector(ex.db(), ex.actor(), task.roundId))) {
        view.set("accept_form", formView(refused, "accept", {{"note", ""}}));
        view.set("return_form", formView(refused, "return", {{"reason", ""}}));
    }
    view.set("history", historyView(history));
    return renderPage(assets, ex, "task", view, {"整改任务 #" + std::to_string(task.id), "/tasks", refused ? refused->status : 200});
}

}  // namespace patrol::web
