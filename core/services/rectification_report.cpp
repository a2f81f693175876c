#include "core/services/rectification_report.hpp"

#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <map>

#include "core/domain/errors.hpp"
#include "core/domain/finding_status.hpp"
#include "core/domain/role.hpp"
#include "core/domain/rectification_kind.hpp"
#include "core/domain/task_status.hpp"
#include "core/services/feedback.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/report_document.hpp"
#include "core/services/round_service.hpp"
#include "core/services/unit_service.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::services {
namespace {

// Not `data`: in a unity batch that name would hide the data:: namespace of the files after this one.
using MustacheData = kainjow::mustache::data;
using domain::FindingStatus;

bool fedBackToUnit(const std::string& status) {
    const auto s = domain::findingStatuses.parse(status);
    return s == FindingStatus::FedBack || s == FindingStatus::Rectifying || s == FindingStatus::Rectified ||
           s == FindingStatus::Closed;
}

bool accepted(const store::TaskRecord& t) { return t.status == domain::taskStatuses.code(domain::TaskStatus::Accepted); }

int64_t latestPercent(const TaskHistory& h) { return h.progress.empty() ? 0 : h.progress.back().percent; }

MustacheData taskRow(const TaskHistory& h) {
    const auto& t = h.task;
    MustacheData d;
    d.set("task", std::to_string(t.id));
    d.set("measure", t.measure.value_or("（尚未制定措施）"));
    d.set("kind", domain::rectificationKinds.labelOf(t.kind));
    d.set("leader", t.leader.value_or("—"));
    d.set("handler", t.handler.value_or("—"));
    d.set("due", t.dueDate);
    d.set("status", domain::taskStatuses.labelOf(t.status));
    d.set("percent", std::to_string(accepted(t) ? 100 : latestPercent(h)));
    d.set("accepted_on", t.acceptedOn.value_or("—"));
    return d;
}

}  // namespace

RectificationReport readRectificationReport(store::Database& db, const Actor& actor, const std::string& roundCode,
                                            const std::string& unitCode, int32_t asOf, const WorkflowSettings& settings,
                                            const ProgressSink* progress) {
    RectificationReport report;
    report.round = requireVisibleRound(db, actor, roundCode);
    report.unit = requireVisibleUnit(db, actor, unitCode);
    report.asOf = asOf;
    const auto due = rectificationReportDue(store::roundStageDates(db, report.round.id), settings);
    std::map<int64_t, std::vector<TaskHistory>> tasksOf;
    TaskFilter filter;
    filter.roundCode = roundCode;
    filter.unitCode = unitCode;
    filter.asOf = asOf;
    const auto tasks = listTasks(db, actor, filter);
    // Each task's history is a few reads of its own: told every 256 tasks, and once all are read.
    constexpr size_t kRectificationTasksPerCall = 256;
    tell(progress, WorkPhase::Reading, 0, tasks.size(), WorkItems::Tasks);
    for (size_t i = 0; i < tasks.size(); ++i) {
        tasksOf[tasks[i].findingId].push_back(showTask(db, actor, tasks[i].id));
        if ((i + 1) % kRectificationTasksPerCall == 0 || i + 1 == tasks.size())
            tell(progress, WorkPhase::Reading, i + 1, tasks.size(), WorkItems::Tasks);
    }
    for (auto& f : listFindings(db, actor, {roundCode, unitCode, std::nullopt})) {
        if (!fedBackToUnit(f.status)) continue;
        const int64_t id = f.id;
        report.items.push_back({std::move(f), std::move(tasksOf[id])});
    }
    if (!due || report.items.empty())
        throw Conflict("巡察轮次 " + roundCode + " 还没有向单位 " + unitCode + "（" + report.unit.name +
                       "）反馈问题，没有整改情况报告可写。轮次进入“反馈”阶段后再生成。");
    report.reportDue = *due;
    report.feedbackDay = *due - settings.reportDays;
    return report;
}

std::vector<OwedRectificationReport> rectificationReportsOwed(store::Database& db, const Actor& actor,
                                                              const WorkflowSettings& settings) {
    std::vector<OwedRectificationReport> owed;
    if (actor.role != domain::Role::Unit || !actor.unitId) return owed;
    const auto unit = store::findUnitById(db, *actor.unitId);
    if (!unit) return owed;
    for (auto& round : listRounds(db, actor)) {
        const auto due = rectificationReportDue(store::roundStageDates(db, round.id), settings);
        if (!due) continue;
        const auto findings = listFindings(db, actor, {round.code, unit->code, std::nullopt});
        if (std::none_of(findings.begin(), findings.end(), [](const auto& f) { return fedBackToUnit(f.status); })) continue;
        owed.push_back({std::move(round), *due});
    }
    std::sort(owed.begin(), owed.end(), [](const auto& a, const auto& b) { return a.round.code < b.round.code; });
    return owed;
}

std::string rectificationReportMarkdown(const RectificationReport& r, const CategoryNames& names,
                                        const std::string& templateFolder) {
    MustacheData view;
    view.set("unit", r.unit.name);
    view.set("unit_code", r.unit.code);
    view.set("round", r.round.code);
    view.set("round_title", r.round.title);
    view.set("feedback_date", civil::formatDate(r.feedbackDay));
    view.set("report_due", civil::formatDate(r.reportDue));
    view.set("as_of", civil::formatDate(r.asOf));
    MustacheData problems(MustacheData::type::list), open(MustacheData::type::list), mechanisms(MustacheData::type::list);
    int64_t tasks = 0, done = 0, index = 0;
    for (const auto& item : r.items) {
        const auto& f = item.finding;
        MustacheData p;
        p.set("index", std::to_string(++index));
        p.set("id", std::to_string(f.id));
        p.set("title", f.title);
        p.set("category", names.categoryName(f.category, f.source));
        p.set("detail", f.detail.empty() ? f.title : f.detail);
        MustacheData measures(MustacheData::type::list), progress(MustacheData::type::list), evidence(MustacheData::type::list);
        for (const auto& h : item.tasks) {
            ++tasks;
            done += accepted(h.task) ? 1 : 0;
            measures.push_back(taskRow(h));
            for (const auto& pr : h.progress) {
                MustacheData d;
                d.set("date", pr.reportedOn);
                d.set("percent", std::to_string(pr.percent));
                d.set("narrative", pr.narrative);
                d.set("author", pr.author);
                progress.push_back(d);
            }
            for (const auto& e : h.evidence) {
                MustacheData d;
                d.set("id", std::to_string(e.id));
                d.set("name", e.originalName);
                d.set("uploaded", e.uploadedAt.substr(0, 10));
                evidence.push_back(d);
            }
            MustacheData row = taskRow(h);
            row.set("finding", f.title);
            if (!accepted(h.task)) open.push_back(row);
            if (h.task.kind == domain::rectificationKinds.code(domain::RectificationKind::LongTerm)) mechanisms.push_back(row);
        }
        p.set("measures", measures);
        p.set("progress", progress);
        p.set("has_progress", !progress.is_empty_list());
        p.set("evidence", evidence);
        p.set("has_evidence", !evidence.is_empty_list());
        problems.push_back(p);
    }
    view.set("problems", problems);
    view.set("findings", std::to_string(r.items.size()));
    view.set("tasks", std::to_string(tasks));
    view.set("done", std::to_string(done));
    view.set("open_count", std::to_string(tasks - done));
    view.set("open", open);
    view.set("has_open", !open.is_empty_list());
    view.set("mechanisms", mechanisms);
    view.set("has_mechanisms", !mechanisms.is_empty_list());
    return renderReportTemplate(templateFolder, "rectification_report.md.mustache", view);
}

}  // namespace patrol::services
