#include "core/services/task_service.hpp"

#include <patrol/sdk/civil.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>

#include "core/domain/errors.hpp"
#include "core/services/answer_cache.hpp"
#include "core/services/not_found.hpp"
#include "core/domain/event_date.hpp"
#include "core/domain/escalation.hpp"
#include "core/domain/extension.hpp"
#include "core/domain/task_status.hpp"
#include "core/services/authorization.hpp"
#include "core/services/escalation_event.hpp"
#include "core/services/finding_progress.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/record_json.hpp"
#include "core/services/round_service.hpp"
#include "core/services/task_audit.hpp"
#include "core/services/unit_service.hpp"
#include "core/store/audited_rows.hpp"
#include "core/store/transaction.hpp"

namespace patrol::services {

using domain::Role;
using domain::TaskEvent;
using domain::TaskStatus;

namespace {

bool canSeeTask(store::Database& db, const Actor& actor, const store::TaskRecord& task) {
    return canSeeRectification(db, actor, task.roundId, task.unitId);
}

void requireUnitOwner(const Actor& actor, const store::TaskRecord& task, const std::string& doing) {
    if (actor.role == Role::Admin || (actor.role == Role::Unit && actor.unitId == task.unitId)) return;
    throw Forbidden(describeActor(actor) + "无权" + doing + "（整改任务 #" + std::to_string(task.id) + "）：只有被巡察单位 " +
                    task.unitCode + " 的联系人和管理员可以这样做。");
}

void requireVerifier(store::Database& db, const Actor& actor, const store::TaskRecord& task, const std::string& doing) {
    if (actor.role == Role::Admin || isRoundInspector(db, actor, task.roundId)) return;
    throw Forbidden(describeActor(actor) + "无权" + doing + "（整改任务 #" + std::to_string(task.id) + "）：只有巡察轮次 " +
                    task.roundCode + " 的巡察组成员和管理员可以这样做。");
}

// Applies a state event to the task read inside the transaction.
store::TaskRecord moved(const store::TaskRecord& task, TaskEvent event) {
    store::TaskRecord after = task;
    after.status = std::string(domain::taskStatuses.code(domain::applyTaskEvent(domain::taskStatuses.parse(task.status), event)));
    return after;
}

int32_t dateOf(const std::string& text) { return *civil::parseDate(text); }

// The task's latest dated event, which the next change of its work may not precede.
domain::DatedEvent latestTaskEvent(store::Database& db, const store::TaskRecord& task) {
    std::vector<domain::DatedEvent> events{{"交办", dateOf(task.assignedOn)}};
    if (task.plannedOn) events.push_back({"制定整改措施", dateOf(*task.plannedOn)});
    for (const auto& p : store::listProgress(db, task.id)) events.push_back({"进展报告", dateOf(p.reportedOn)});
    if (task.submittedOn) events.push_back({"提交销号", dateOf(*task.submittedOn)});
    if (task.returnedOn) events.push_back({"退回", dateOf(*task.returnedOn)});
    return *domain::latestEvent(events);
}

// The day of a change to the task's work, checked against today and the task's latest event.
int32_t checkedTaskDay(store::Database& db, const store::TaskRecord& task, const char* event,
                       std::optional<int32_t> day) {
    const int32_t on = day.value_or(localToday());
    domain::checkEventDate({event, on}, localToday(), latestTaskEvent(db, task));
    return on;
}

// The rows an event vouches for are audit verify's business; the task's history shows the change.
store::AuditEvent withoutRowStates(store::AuditEvent event) {
    if (!event.content.after) return event;
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));  // keeps the keys in their order
    Poco::JSON::Object::Ptr after = parser.parse(*event.content.after).extract<Poco::JSON::Object::Ptr>();
    if (!after || !(after->has(store::kRowStateKey) || after->has(store::kRowDigestKey))) return event;
    after->remove(store::kRowStateKey);
    after->remove(store::kRowDigestKey);
    std::ostringstream text;
    after->stringify(text);
    event.content.after = text.str();
    return event;
}

}  // namespace

std::vector<store::TaskRecord> listTasks(store::Database& db, const Actor& actor, const TaskFilter& filter) {
    store::TaskQuery query;
    if (filter.roundCode) query.roundId = requireVisibleRound(db, actor, *filter.roundCode).id;
    if (filter.unitCode) query.unitId = requireVisibleUnit(db, actor, *filter.unitCode).id;
    // A unit user sees only its own unit's tasks: read those instead of every task in the county.
    else if (actor.role == Role::Unit) query.unitId = actor.unitId;
    if (filter.status) query.status = domain::taskStatuses.checked(*filter.status);
    if (filter.level) query.level = domain::escalationLevels.checked(*filter.level);
    query.openOnly = filter.overdue;
    const std::string asOf = civil::formatDate(filter.asOf);
    // Filtered in place: a second vector of 50,000 records would double what a ledger holds.
    auto out = store::listTasks(db, query);
    std::erase_if(out, [&](const store::TaskRecord& task) {
        return !canSeeTask(db, actor, task) || (filter.overdue && !(task.dueDate < asOf));
    });
    return out;
}

namespace {

std::string keyPart(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "-"; }
std::string keyPart(const std::optional<std::string>& v) { return v ? "=" + *v : "-"; }

// An inspector's count reads every task of the team's rounds (about 15 ms at 50,000 tasks), and it
// is the same number for every page and every reload until a record changes: kept in the answer
// cache under everything the query selects by. store::countTasks is what it keeps.
int64_t countOfTasks(store::Database& db, const store::TaskQuery& query) {
    const std::string key = "tasks.count\n" + keyPart(query.roundId) + '\n' + keyPart(query.unitId) + '\n' +
                            keyPart(query.findingId) + '\n' + keyPart(query.status) + '\n' + keyPart(query.level) +
                            '\n' + (query.openOnly ? "open" : "all") + '\n' + keyPart(query.dueBefore) + '\n' +
                            keyPart(query.teamMember);
    return std::stoll(cachedAnswer(db, key, [&] { return std::to_string(store::countTasks(db, query)); }));
}

}  // namespace

TaskPage pageOfTasks(store::Database& db, const Actor& actor, const TaskFilter& filter, int64_t page, int64_t pageSize) {
    store::TaskQuery query;
    if (filter.roundCode) query.roundId = requireVisibleRound(db, actor, *filter.roundCode).id;
    if (filter.unitCode) query.unitId = requireVisibleUnit(db, actor, *filter.unitCode).id;
    if (filter.status) query.status = domain::taskStatuses.checked(*filter.status);
    if (filter.level) query.level = domain::escalationLevels.checked(*filter.level);
    if (filter.overdue) {
        query.openOnly = true;
        query.dueBefore = civil::formatDate(filter.asOf);
    }
    // canSeeTask (canSeeRectification) said in SQL: a unit user its own unit, an inspector the
    // rounds whose team has them (none without a user), admin and leader everything.
    TaskPage out;
    if (actor.role == Role::Unit) {
        if (!actor.unitId || (query.unitId && *query.unitId != *actor.unitId)) return out;
        query.unitId = actor.unitId;
    } else if (actor.role == Role::Inspector) {
        query.teamMember = actor.userId.value_or(0);
    }
    out.total = countOfTasks(db, query);
    out.pages = std::max<int64_t>(1, (out.total + pageSize - 1) / pageSize);
    out.page = std::clamp<int64_t>(page, 1, out.pages);
    out.tasks = store::listUrgentTasks(db, query, (out.page - 1) * pageSize, pageSize);
    return out;
}

store::TaskRecord requireVisibleTask(store::Database& db, const Actor& actor, int64_t taskId) {
    auto task = store::findTaskById(db, taskId);
    if (!task || !canSeeTask(db, actor, *task))
        throw taskNotFound(taskId);
    return *task;
}

TaskHistory showTask(store::Database& db, const Actor& actor, int64_t taskId) {
    TaskHistory h{requireVisibleTask(db, actor, taskId), {}, {}, {}, {}, {}};
    h.progress = store::listProgress(db, taskId);
    h.evidence = store::listTaskEvidence(db, taskId);
    h.extensions = store::listExtensions(db, taskId);
    store::NoticeQuery notices;
    notices.taskId = taskId;
    h.notices = store::listNotices(db, notices);
    store::AuditFilter filter;
    filter.entity = std::string(kTaskEntity);
    filter.entityId = std::to_string(taskId);  // this task's events only, not every task's
    for (auto& e : store::listAuditEvents(db, filter)) h.events.push_back(withoutRowStates(std::move(e)));
    // Rises made by escalation runs (schema v10) are recorded under the run's event, not the task's.
    auto rises = recordedRiseEvents(db, taskId);
    if (!rises.empty()) {
        for (auto& e : rises) h.events.push_back(withoutRowStates(std::move(e)));
        std::stable_sort(h.events.begin(), h.events.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    }
    return h;
}

store::TaskRecord planTask(store::Database& db, const Actor& actor, int64_t taskId, const std::string& measure,
                           const std::string& handler, const std::string& leader, std::optional<int32_t> day) {
    store::Transaction tx(db);
    const auto task = requireVisibleTask(db, actor, taskId);
    requireUnitOwner(actor, task, "制定整改措施");
    auto after = moved(task, TaskEvent::Plan);
    after.plannedOn = civil::formatDate(checkedTaskDay(db, task, "制定整改措施", day));
    after.measure = requireText(measure, "整改措施", "measure");
    after.handler = requireLine(handler, "责任人", "handler");
    after.leader = requireLine(leader, "责任领导", "leader");
    store::updateTask(db, after);
    auditTask(db, actor, "task.plan", task, after);
    syncFindingWithTasks(db, actor, task.findingId);
    tx.commit();
    return after;
}

namespace {

// The report and its evidence rows, once every upload is stored.
store::TaskRecord recordProgress(store::Database& db, const Actor& actor, int64_t taskId, const ProgressInput& input,
                                 const std::string& note, const std::vector<StoredEvidence>& stored) {
    store::Transaction tx(db);
    const auto task = requireVisibleTask(db, actor, taskId);
    requireUnitOwner(actor, task, "报告整改进展");
    const auto after = moved(task, TaskEvent::ReportProgress);
    const int32_t reportedOn = checkedTaskDay(db, task, "进展报告", input.day);
    store::ProgressRecord report;
    report.taskId = taskId;
    report.authorId = actor.userId;
    report.author = actor.name;
    report.reportedOn = civil::formatDate(reportedOn);
    report.percent = input.percent;
    report.narrative = note;
    const int64_t progressId = store::insertProgress(db, report);
    Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
    for (const auto& e : stored) {
        store::EvidenceRecord record;
        record.sha256 = e.sha256;
        record.size = e.size;
        record.originalName = e.originalName;
        record.storedPath = e.storedPath;
        record.taskId = taskId;
        record.progressId = progressId;
        record.findingId = task.findingId;
        record.uploadedBy = actor.name;
        store::insertEvidence(db, record);
        auto f = jsonObject();
        f->set("name", e.originalName);
        f->set("sha256", e.sha256);
        f->set("size", e.size);
        files->add(f);
    }
    store::updateTask(db, after);
    auto extra = jsonObject();
    extra->set("progress_id", progressId);
    extra->set("reported_on", report.reportedOn);
    extra->set("percent", input.percent);
    extra->set("note", note);
    extra->set("evidence", files);
    auditTask(db, actor, "task.progress", task, after, extra);
    syncFindingWithTasks(db, actor, task.findingId);
    tx.commit();
    return after;
}

}  // namespace

store::TaskRecord reportProgress(store::Database& db, const Actor& actor, int64_t taskId, const ProgressInput& input,
                                 const EvidenceStore& evidence) {
    if (input.percent < 0 || input.percent > 100)
        throw InvalidInput("percent", "整改进度", "应为 0 到 100 之间的整数，实际为 " + std::to_string(input.percent) + "。");
    const std::string note = requireText(input.note, "进展说明", "note");
    {
        // Refuse before reading any upload: permissions, state and every announced size.
        const auto task = requireVisibleTask(db, actor, taskId);
        requireUnitOwner(actor, task, "报告整改进展");
        moved(task, TaskEvent::ReportProgress);
        checkedTaskDay(db, task, "进展报告", input.day);
        for (const auto& upload : input.evidence) evidence.checkDeclared(upload);
    }
    // Uploads are read outside the transaction so that a slow sender does not hold the database.
    std::vector<StoredEvidence> stored;
    try {
        for (const auto& upload : input.evidence) stored.push_back(evidence.store(upload));
        return recordProgress(db, actor, taskId, input, note, stored);
    } catch (...) {
        evidence.discardUnreferenced(db, stored);
        throw;
    }
}

store::TaskRecord submitTask(store::Database& db, const Actor& actor, int64_t taskId, std::optional<int32_t> day) {
    store::Transaction tx(db);
    const auto task = requireVisibleTask(db, actor, taskId);
    requireUnitOwner(actor, task, "提交销号");
    auto after = moved(task, TaskEvent::Submit);
    after.submittedOn = civil::formatDate(checkedTaskDay(db, task, "提交销号", day));
    store::updateTask(db, after);
    auditTask(db, actor, "task.submit", task, after);
    tx.commit();
    return after;
}

store::TaskRecord acceptTask(store::Database& db, const Actor& actor, int64_t taskId,
                             const std::optional<std::string>& note, int32_t day) {
    store::Transaction tx(db);
    const auto task = requireVisibleTask(db, actor, taskId);
    requireVerifier(db, actor, task, "验收销号");
    auto after = moved(task, TaskEvent::Accept);
    checkedTaskDay(db, task, "验收销号", day);
    bool hasNote = false;
    if (note) optionalText(*note, "核查意见", "note");
    if (note)
        for (char c : *note) hasNote = hasNote || !(c == ' ' || c == '\t' || c == '\n' || c == '\r');
    if (!hasNote && store::listTaskEvidence(db, taskId).empty())
        throw Conflict("验收销号需要佐证材料或书面核查意见：整改任务 #" + std::to_string(taskId) +
                        " 还没有任何佐证材料，也没有给出核查意见。请由单位在报告进展时附上材料，或写明核查意见。",
                       {"task.verification", std::to_string(taskId)});
    after.acceptedOn = civil::formatDate(day);
    if (hasNote) after.verificationNote = *note;
    after.level = std::string(domain::escalationLevels.code(domain::EscalationLevel::None));  // warnings end here
    store::updateTask(db, after);
    auditTask(db, actor, "task.accept", task, after);
    syncFindingWithTasks(db, actor, task.findingId);
    tx.commit();
    return after;
}

store::TaskRecord returnTask(store::Database& db, const Actor& actor, int64_t taskId, const std::string& reason,
                             std::optional<int32_t> day) {
    const std::string why = requireText(reason, "退回理由", "reason");
    store::Transaction tx(db);
    const auto task = requireVisibleTask(db, actor, taskId);
    requireVerifier(db, actor, task, "退回整改任务");
    auto after = moved(task, TaskEvent::Return);
    after.returnedCount = task.returnedCount + 1;
    after.returnedOn = civil::formatDate(checkedTaskDay(db, task, "退回", day));
    store::updateTask(db, after);
    auto extra = jsonObject();
    extra->set("reason", why);
    auditTask(db, actor, "task.return", task, after, extra);
    tx.commit();
    return after;
}

store::ExtensionRecord requestExtension(store::Database& db, const Actor& actor, int64_t taskId, int32_t newDue,
                                        const std::string& reason, std::optional<int32_t> day) {
    const std::string why = requireText(reason, "延期理由", "reason");
    store::Transaction tx(db);
    const auto task = requireVisibleTask(db, actor, taskId);
    requireUnitOwner(actor, task, "申请延期");
    bool pending = false;
    std::vector<domain::DatedEvent> earlier{{"交办", dateOf(task.assignedOn)}};
    for (const auto& e : store::listExtensions(db, taskId)) {
        pending = pending || e.status == "pending";
        if (e.decidedOn) earlier.push_back({"上一次延期审批", dateOf(*e.decidedOn)});
    }
    domain::checkExtensionRequest(domain::taskStatuses.parse(task.status), *civil::parseDate(task.dueDate), newDue,
                                  pending);
    const int32_t on = day.value_or(localToday());
    domain::checkEventDate({"延期申请", on}, localToday(), domain::latestEvent(earlier));
    store::ExtensionRecord request;
    request.taskId = taskId;
    request.previousDue = task.dueDate;
    request.requestedDue = civil::formatDate(newDue);
    request.reason = why;
    request.status = std::string(domain::extensionStatuses.code(domain::ExtensionStatus::Pending));
    request.requestedBy = actor.name;
    request.requestedOn = civil::formatDate(on);
    const int64_t id = store::insertExtension(db, request);
    auto extra = jsonObject();
    extra->set("extension_id", id);
    extra->set("requested_due", request.requestedDue);
    extra->set("reason", why);
    extra->set("requested_on", *request.requestedOn);
    auditTask(db, actor, "task.extension.request", task, task, extra);
    tx.commit();
    return *store::findExtensionById(db, id);
}

store::TaskRecord decideExtension(store::Database& db, const Actor& actor, int64_t taskId,
                                  const ExtensionDecision& decision) {
    const bool approve = decision.approve;
    std::optional<std::string> why;
    if (!approve) why = requireText(decision.reason.value_or(""), "驳回理由", "reason");
    else if (decision.reason) why = requireText(*decision.reason, "批准意见", "reason");
    store::Transaction tx(db);
    const auto task = requireVisibleTask(db, actor, taskId);
    requireAdminOrLeader(actor, approve ? "批准延期申请" : "驳回延期申请");
    std::optional<store::ExtensionRecord> request;
    for (const auto& e : store::listExtensions(db, taskId))
        if (e.status == "pending") request = e;
    if (!request)
        throw Conflict("整改任务 #" + std::to_string(taskId) + " 没有待审批的延期申请；单位可提出申请。",
                       {"task.extend", std::to_string(taskId)});
    const auto decided = domain::decideExtension(domain::extensionStatuses.parse(request->status), approve);
    const int32_t on = decision.day.value_or(localToday());
    std::optional<domain::DatedEvent> asked;
    if (request->requestedOn) asked = domain::DatedEvent{"延期申请", dateOf(*request->requestedOn)};
    domain::checkEventDate({approve ? "延期批准" : "延期驳回", on}, localToday(), asked);
    const std::string decidedOn = civil::formatDate(on);
    store::setExtensionDecision(db, request->id, std::string(domain::extensionStatuses.code(decided)), actor.name,
                                decidedOn, why);
    auto after = task;
    if (approve) {
        after.dueDate = request->requestedDue;
        // An approved extension is the one moment a level may fall (spec: "until … extended"); the
        // notices sent at the higher level stay: they are the task's history.
        const auto level = domain::deservedLevel(*civil::parseDate(after.dueDate), decision.asOf.value_or(on),
                                                 static_cast<int>(after.returnedCount));
        after.level = std::string(domain::escalationLevels.code(level));
        store::updateTask(db, after);
    }
    auto extra = jsonObject();
    extra->set("extension_id", request->id);
    extra->set("requested_due", request->requestedDue);
    extra->set("decided_on", decidedOn);
    if (why) extra->set("reason", *why);
    auditTask(db, actor, approve ? "task.extension.approve" : "task.extension.deny", task, after, extra);
    tx.commit();
    return after;
}

}  // namespace patrol::services
