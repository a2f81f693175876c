#include "core/domain/task_status.hpp"

#include <string>

namespace patrol::domain {

std::optional<TaskStatus> taskTransition(TaskStatus from, TaskEvent event) {
    switch (event) {
        case TaskEvent::Plan:  // a measure may be revised until work has started
            if (from == TaskStatus::Assigned || from == TaskStatus::Planned) return TaskStatus::Planned;
            return std::nullopt;
        case TaskEvent::ReportProgress:
            if (from == TaskStatus::Planned || from == TaskStatus::InProgress) return TaskStatus::InProgress;
            return std::nullopt;
        case TaskEvent::Submit:
            if (from == TaskStatus::InProgress) return TaskStatus::Submitted;
            return std::nullopt;
        case TaskEvent::Accept:
            if (from == TaskStatus::Submitted) return TaskStatus::Accepted;
            return std::nullopt;
        case TaskEvent::Return:
            if (from == TaskStatus::Submitted) return TaskStatus::InProgress;
            return std::nullopt;
    }
    return std::nullopt;
}

namespace {

// The state an event would lead to if it were allowed, to name it in the refusal.
TaskStatus requestedState(TaskEvent event) {
    switch (event) {
        case TaskEvent::Plan: return TaskStatus::Planned;
        case TaskEvent::ReportProgress: return TaskStatus::InProgress;
        case TaskEvent::Submit: return TaskStatus::Submitted;
        case TaskEvent::Accept: return TaskStatus::Accepted;
        case TaskEvent::Return: return TaskStatus::InProgress;
    }
    return TaskStatus::Assigned;
}

}  // namespace

TaskStatus applyTaskEvent(TaskStatus from, TaskEvent event) {
    if (auto to = taskTransition(from, event)) return *to;
    std::string allowed;
    for (const auto& t : taskEvents.terms()) {
        if (!taskTransition(from, t.value)) continue;
        if (!allowed.empty()) allowed += "、";
        allowed += "「" + std::string(t.label) + "」";
    }
    std::string message = "任务当前状态为" + taskStatuses.quoted(from) + "，不能「" +
                          std::string(taskEvents.label(event)) + "」改为" + taskStatuses.quoted(requestedState(event)) +
                          "：";
    message += allowed.empty() ? "该任务已销号，不能再变更。" : "当前只能" + allowed + "。";
    throw Conflict(message);
}

}  // namespace patrol::domain
