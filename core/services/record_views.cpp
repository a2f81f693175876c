#include "core/services/record_views.hpp"

#include <patrol/sdk/civil.hpp>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <patrol/sdk/money.hpp>

#include <sstream>

#include "core/domain/finding_status.hpp"
#include "core/domain/round_stage.hpp"
#include "core/domain/unit_kind.hpp"
#include "core/services/record_json.hpp"
#include "core/services/task_audit.hpp"

namespace patrol::services {

namespace {

Poco::Dynamic::Var moneyOrNull(const std::optional<int64_t>& fen) {
    return fen ? Poco::Dynamic::Var(moneyNumber(*fen)) : Poco::Dynamic::Var();
}

Poco::JSON::Array::Ptr textArray(const std::vector<std::string>& words) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& w : words) array->add(w);
    return array;
}

Poco::JSON::Object::Ptr disposalView(const store::DisposalRecord& d) {
    auto o = jsonObject();
    o->set("id", d.id);
    o->set("method", d.method);
    o->set("decided_on", d.decidedOn);
    o->set("note", orNull(d.note));
    return o;
}

Poco::JSON::Object::Ptr outcomeView(const store::OutcomeRecord& r) {
    auto o = jsonObject();
    o->set("id", r.id);
    o->set("person", r.person);
    o->set("person_level", orNull(r.personLevel));
    o->set("form", orNull(r.form));
    o->set("party_sanction", orNull(r.partySanction));
    o->set("gov_sanction", orNull(r.govSanction));
    o->set("org_handling", orNull(r.orgHandling));
    o->set("referred", r.referred);
    o->set("recovered", moneyNumber(r.recoveredFen));
    o->set("recorded_on", r.recordedOn);
    return o;
}

}  // namespace

JsonNumber moneyNumber(int64_t fen) { return {money::formatYuan(fen)}; }

Poco::JSON::Array::Ptr storedArray(const std::string& json) {
    try {
        // Objects inside (recipients) keep their stored key order.
        return Poco::JSON::Parser(new Poco::JSON::ParseHandler(true)).parse(json).extract<Poco::JSON::Array::Ptr>();
    } catch (const Poco::Exception&) {
        return textArray({json});
    }
}

Poco::JSON::Object::Ptr findingView(const store::FindingRecord& f, bool withTransfer) {
    auto o = jsonObject();
    o->set("id", f.id);
    o->set("round", f.roundCode);
    o->set("unit", f.unitCode);
    o->set("unit_name", f.unitName);
    o->set("category", f.category);
    o->set("title", f.title);
    o->set("detail", f.detail);
    o->set("severity", f.severity);
    o->set("amount", moneyOrNull(f.amountFen));
    o->set("people_count", orNull(f.peopleCount));
    o->set("people_level", orNull(f.peopleLevel));
    o->set("status", f.status);
    o->set("status_name", domain::findingStatuses.labelOf(f.status));
    o->set("source", f.source);
    o->set("refs", storedArray(f.refs));
    o->set("dismissed_reason", orNull(f.dismissedReason));
    if (withTransfer) o->set("transferred", f.transferred);
    o->set("repeat_of", orNull(f.repeatOf));
    o->set("rectification_kind", orNull(f.rectificationKind));
    o->set("created_by", f.createdBy);
    o->set("created_at", f.createdAt);
    return o;
}

Poco::JSON::Object::Ptr taskView(const store::TaskRecord& t) {
    // The task's own fields as its audit events record them, then what a reader needs beside them.
    auto o = taskJson(t);
    o->set("title", t.findingTitle);
    o->set("category", t.category);
    o->set("unit_name", t.unitName);
    return o;
}

Poco::JSON::Object::Ptr roundView(const store::RoundRecord& r) {
    auto o = jsonObject();
    o->set("code", r.code);
    o->set("title", r.title);
    o->set("kind", r.kind);
    o->set("term", orNull(r.term));
    o->set("stage", r.stage);
    o->set("stage_name", domain::roundStages.labelOf(r.stage));
    o->set("start", r.startDate);
    o->set("end", r.endDate);
    o->set("plugins", textArray(r.plugins));
    o->set("lookback_of", orNull(r.lookbackOfCode));
    return o;
}

Poco::JSON::Object::Ptr unitView(const store::UnitRecord& u) {
    auto o = jsonObject();
    o->set("code", u.code);
    o->set("name", u.name);
    o->set("kind", u.kind);
    o->set("kind_name", domain::unitKinds.labelOf(u.kind));
    o->set("parent", orNull(u.parentCode));
    o->set("head", orNull(u.head));
    o->set("contact", orNull(u.contact));
    return o;
}

Poco::JSON::Object::Ptr clueView(const ClueView& v) {
    const auto& c = v.clue;
    auto o = jsonObject();
    o->set("id", c.id);
    o->set("finding_id", c.findingId);
    o->set("title", c.findingTitle);
    o->set("round", c.roundCode);
    o->set("unit", c.unitCode);
    o->set("unit_name", c.unitName);
    o->set("receiver", c.receiver);
    o->set("transferred_on", c.transferredOn);
    o->set("reply_due", orNull(c.replyDue));
    o->set("status", std::string(domain::clueStatuses.code(v.status)));
    o->set("method", orNull(v.method));
    o->set("people", static_cast<int64_t>(v.outcomes.size()));
    o->set("created_by", c.createdBy);
    Poco::JSON::Array::Ptr disposals = new Poco::JSON::Array;
    for (const auto& d : v.disposals) disposals->add(disposalView(d));
    o->set("disposals", disposals);
    Poco::JSON::Array::Ptr outcomes = new Poco::JSON::Array;
    for (const auto& r : v.outcomes) outcomes->add(outcomeView(r));
    o->set("outcomes", outcomes);
    return o;
}

Poco::JSON::Object::Ptr noticeView(const store::NoticeRecord& n) {
    auto o = jsonObject();
    o->set("id", n.id);
    o->set("task_id", orNull(n.taskId));
    o->set("finding_id", orNull(n.findingId));
    o->set("round", orNull(n.roundCode));
    o->set("unit", orNull(n.unitCode));
    o->set("unit_name", orNull(n.unitName));
    o->set("level", n.level);
    o->set("as_of", n.asOf);
    o->set("recipients", storedArray(n.recipients));
    o->set("message", n.message);
    o->set("created_at", n.createdAt);
    return o;
}

Poco::JSON::Object::Ptr progressView(const store::ProgressRecord& p) {
    auto o = jsonObject();
    o->set("id", p.id);
    o->set("task_id", p.taskId);
    o->set("author", p.author);
    o->set("reported_on", p.reportedOn);
    o->set("percent", p.percent);
    o->set("note", p.narrative);
    o->set("review", orNull(p.review));
    return o;
}

Poco::JSON::Object::Ptr evidenceView(const store::EvidenceRecord& e) {
    auto o = jsonObject();
    o->set("id", e.id);
    o->set("task_id", orNull(e.taskId));
    o->set("progress_id", orNull(e.progressId));
    o->set("finding_id", orNull(e.findingId));
    o->set("name", e.originalName);
    o->set("sha256", e.sha256);
    o->set("size", e.size);
    o->set("stored_path", e.storedPath);
    o->set("uploaded_by", e.uploadedBy);
    o->set("uploaded_at", e.uploadedAt);
    return o;
}

std::string viewListText(const std::vector<Poco::JSON::Object::Ptr>& views) {
    std::ostringstream out;
    out << "[";
    for (size_t i = 0; i < views.size(); ++i) {
        out << (i ? ",\n " : "\n ");
        views[i]->stringify(out);
    }
    out << (views.empty() ? "]\n" : "\n]\n");
    return out.str();
}

}  // namespace patrol::services

namespace patrol::services {

std::optional<int64_t> daysLeft(const store::TaskRecord& task, int32_t asOf) {
    if (task.status == "accepted") return std::nullopt;
    return *civil::parseDate(task.dueDate) - asOf;
}

Poco::JSON::Object::Ptr listedTaskView(const store::TaskRecord& task, int32_t asOf) {
    auto o = taskView(task);
    o->set("days_left", orNull(daysLeft(task, asOf)));
    return o;
}

}  // namespace patrol::services

namespace patrol::services {

std::string listedTasksText(const std::vector<store::TaskRecord>& tasks, int32_t asOf) {
    JsonText json;
    std::string out = "[";
    for (size_t i = 0; i < tasks.size(); ++i) {
        const auto& t = tasks[i];
        out += i ? ",\n " : "\n ";
        json = JsonText();
        json.open();
        taskJsonFields(json, t).field("title", t.findingTitle).field("category", t.category).field("unit_name", t.unitName);
        const auto days = daysLeft(t, asOf);
        json.key("days_left");
        days ? json.value(*days) : json.null();
        json.close();
        out += json.text();
    }
    out += tasks.empty() ? "]\n" : "\n]\n";
    return out;
}

}  // namespace patrol::services
