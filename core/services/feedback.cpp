#include "core/services/feedback.hpp"

#include <patrol/sdk/civil.hpp>

#include "core/domain/deadline.hpp"
#include "core/domain/errors.hpp"
#include "core/domain/round_stage.hpp"
#include "core/services/calendar_loader.hpp"
#include "core/services/finding_progress.hpp"
#include "core/services/task_audit.hpp"
#include "core/store/finding_repository.hpp"

namespace patrol::services {

using domain::FindingStatus;

FeedbackResult createTasksOnFeedback(store::Database& db, const store::RoundRecord& round, int32_t feedbackDay,
                                     const Actor& actor, const WorkflowSettings& settings,
                                     const domain::WorkingCalendar& calendar) {
    FeedbackResult result;
    result.reportDue = feedbackDay + settings.reportDays;
    store::FindingQuery query;
    query.roundId = round.id;
    query.statusIn = {"confirmed", "fed_back"};
    for (const auto& finding : store::listFindings(db, query)) {
        if (finding.status == "fed_back") {
            store::TaskQuery existing;
            existing.findingId = finding.id;
            if (!store::listTasks(db, existing).empty()) continue;
        } else {
            moveFinding(db, actor, finding.id, domain::FindingEvent::FeedBack);
        }
        const auto kind = finding.rectificationKind ? domain::rectificationKinds.parse(*finding.rectificationKind)
                                                    : domain::RectificationKind::Deadline;
        const KindRule& rule = settings.kinds.at(kind);
        const int32_t due = domain::dueDate(feedbackDay, rule.days, rule.counting, calendar);
        const int64_t id = store::insertTask(db, {finding.id, std::string(domain::rectificationKinds.code(kind)),
                                                  civil::formatDate(feedbackDay), civil::formatDate(due)});
        const auto task = store::findTaskById(db, id);
        auditTask(db, actor, "task.create", std::nullopt, *task);
        result.tasks.push_back(*task);
    }
    return result;
}

FeedbackHandler rectificationOnFeedback(const WorkflowSettings& settings, const domain::WorkingCalendar& calendar,
                                        FeedbackResult* result) {
    return [&settings, &calendar, result](const FeedbackEntry& entry) {
        FeedbackResult created =
            createTasksOnFeedback(entry.db, entry.round, entry.feedbackDay, entry.actor, settings, calendar);
        created.warnings = calendar.takeWarnings();
        if (result) *result = std::move(created);
    };
}

FeedbackHandler rectificationOnFeedback(const Settings& settings, const std::optional<std::string>& calendarFile,
                                        FeedbackResult* result) {
    return [&settings, calendarFile, result](const FeedbackEntry& entry) {
        const WorkflowSettings workflow = readWorkflowSettings(settings);
        const LoadedCalendar loaded = loadCalendar(settings, calendarFile);
        rectificationOnFeedback(workflow, loaded.calendar, result)(entry);
    };
}

void closeRoundRectification(store::Database& db, const store::RoundRecord& round, const Actor& actor) {
    store::TaskQuery open;
    open.roundId = round.id;
    open.openOnly = true;
    const auto tasks = store::listTasks(db, open);
    if (!tasks.empty()) {
        std::string ids;
        for (size_t i = 0; i < tasks.size() && i < 10; ++i) ids += (i ? "、#" : "#") + std::to_string(tasks[i].id);
        if (tasks.size() > 10) ids += " 等";
        throw Conflict("巡察轮次 " + round.code + " 还有 " + std::to_string(tasks.size()) + " 项整改任务未销号（" + ids +
                        "），不能进入「评估销号」(closed)：请先验收这些任务。",
                        {"task.accept", ""});
    }
    store::FindingQuery rectified;
    rectified.roundId = round.id;
    rectified.status = std::string("rectified");
    for (const auto& finding : store::listFindings(db, rectified))
        moveFinding(db, actor, finding.id, domain::FindingEvent::Close);
}

std::optional<int32_t> rectificationReportDue(const std::vector<std::pair<std::string, std::string>>& stageDates,
                                              const WorkflowSettings& settings) {
    for (const auto& [stage, date] : stageDates)
        if (stage == domain::roundStages.code(domain::RoundStage::FedBack)) {
            const auto day = civil::parseDate(date);
            if (day) return *day + settings.reportDays;
        }
    return std::nullopt;
}

}  // namespace patrol::services
