#include "core/services/task_history_view.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"

namespace patrol::services {

Poco::JSON::Object::Ptr extensionView(const store::ExtensionRecord& e) {
    auto x = jsonObject();
    x->set("id", e.id), x->set("previous_due", e.previousDue), x->set("requested_due", e.requestedDue);
    x->set("reason", e.reason), x->set("status", e.status), x->set("requested_by", e.requestedBy);
    x->set("decided_by", orNull(e.decidedBy));
    x->set("requested_on", orNull(e.requestedOn)), x->set("decided_on", orNull(e.decidedOn));
    x->set("decision_reason", orNull(e.decisionReason));
    return x;
}

Poco::JSON::Object::Ptr taskHistoryView(const TaskHistory& h) {
    auto o = taskView(h.task);
    Poco::JSON::Array::Ptr progress = new Poco::JSON::Array;
    for (const auto& p : h.progress) progress->add(progressView(p));
    Poco::JSON::Array::Ptr evidence = new Poco::JSON::Array;
    for (const auto& e : h.evidence) evidence->add(evidenceView(e));
    Poco::JSON::Array::Ptr extensions = new Poco::JSON::Array;
    for (const auto& e : h.extensions) extensions->add(extensionView(e));
    Poco::JSON::Array::Ptr notices = new Poco::JSON::Array;
    for (const auto& n : h.notices) notices->add(noticeView(n));
    Poco::JSON::Array::Ptr history = new Poco::JSON::Array;
    for (const auto& e : h.events) {
        auto x = jsonObject();
        x->set("id", e.id), x->set("at", e.at), x->set("actor", e.content.actor), x->set("action", e.content.action);
        x->set("after", e.content.after ? Poco::JSON::Parser().parse(*e.content.after) : Poco::Dynamic::Var());
        history->add(x);
    }
    o->set("progress", progress), o->set("evidence", evidence), o->set("extensions", extensions);
    o->set("notices", notices), o->set("history", history);
    return o;
}

}  // namespace patrol::services
