// The rectification task lifecycle (spec/domain.md) as an explicit state machine.
#pragma once

#include <optional>

#include "core/domain/vocabulary.hpp"

namespace patrol::domain {

enum class TaskStatus { Assigned, Planned, InProgress, Submitted, Accepted };

inline constexpr Vocabulary<TaskStatus, 5> taskStatuses{
    "任务状态",
    {{{TaskStatus::Assigned, "assigned", "已交办"},
      {TaskStatus::Planned, "planned", "已制定措施"},
      {TaskStatus::InProgress, "in_progress", "整改中"},
      {TaskStatus::Submitted, "submitted", "已提交销号"},
      {TaskStatus::Accepted, "accepted", "已销号"}}}};

// What can happen to a task. Reporting progress moves a planned task to in_progress and keeps
// an in_progress task there; returning sends a submitted task back to in_progress.
enum class TaskEvent { Plan, ReportProgress, Submit, Accept, Return };

inline constexpr Vocabulary<TaskEvent, 5> taskEvents{
    "任务操作",
    {{{TaskEvent::Plan, "plan", "制定整改措施"},
      {TaskEvent::ReportProgress, "progress", "报告整改进展"},
      {TaskEvent::Submit, "submit", "提交销号"},
      {TaskEvent::Accept, "accept", "验收销号"},
      {TaskEvent::Return, "return", "退回重新整改"}}}};

// The state an event leads to, or nothing when the event is not allowed in that state.
std::optional<TaskStatus> taskTransition(TaskStatus from, TaskEvent event);

// Like taskTransition, but an illegal move is a UserError naming the current and the
// requested state and what is possible instead.
TaskStatus applyTaskEvent(TaskStatus from, TaskEvent event);

// Open tasks are evaluated by escalation and may ask for an extension.
constexpr bool isOpen(TaskStatus status) { return status != TaskStatus::Accepted; }

}  // namespace patrol::domain
