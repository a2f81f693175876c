#include <catch2/catch.hpp>

#include <map>
#include <utility>

#include "core/domain/errors.hpp"
#include "core/domain/task_status.hpp"

using namespace patrol;
using namespace patrol::domain;

TEST_CASE("every task state × every event: exactly the legal moves succeed", "[task_status]") {
    using S = TaskStatus;
    using E = TaskEvent;
    const std::map<std::pair<S, E>, S> legal{
        {{S::Assigned, E::Plan}, S::Planned},           {{S::Planned, E::Plan}, S::Planned},
        {{S::Planned, E::ReportProgress}, S::InProgress}, {{S::InProgress, E::ReportProgress}, S::InProgress},
        {{S::InProgress, E::Submit}, S::Submitted},     {{S::Submitted, E::Accept}, S::Accepted},
        {{S::Submitted, E::Return}, S::InProgress},
    };
    int illegal = 0;
    for (const auto& s : taskStatuses.terms()) {
        for (const auto& e : taskEvents.terms()) {
            const auto it = legal.find({s.value, e.value});
            if (it != legal.end()) {
                CHECK(applyTaskEvent(s.value, e.value) == it->second);
                continue;
            }
            ++illegal;
            CHECK_FALSE(taskTransition(s.value, e.value).has_value());
            // The refusal names the current state and the requested one.
            try {
                applyTaskEvent(s.value, e.value);
                FAIL("no refusal for " << s.code << " × " << e.code);
            } catch (const UserError& err) {
                const std::string message = err.what();
                CHECK(message.find("当前状态为" + taskStatuses.quoted(s.value)) != std::string::npos);
                CHECK(message.find(std::string(e.label)) != std::string::npos);
            }
        }
    }
    CHECK(illegal == 25 - 7);
}

TEST_CASE("task refusals say what is possible instead", "[task_status]") {
    CHECK_THROWS_WITH(applyTaskEvent(TaskStatus::Assigned, TaskEvent::Submit),
                      "任务当前状态为「已交办」(assigned)，不能「提交销号」改为「已提交销号」(submitted)：当前只能「制定整改措施」。");
    CHECK_THROWS_WITH(applyTaskEvent(TaskStatus::Assigned, TaskEvent::ReportProgress),
                      "任务当前状态为「已交办」(assigned)，不能「报告整改进展」改为「整改中」(in_progress)：当前只能「制定整改措施」。");
    CHECK_THROWS_WITH(applyTaskEvent(TaskStatus::Planned, TaskEvent::Accept),
                      "任务当前状态为「已制定措施」(planned)，不能「验收销号」改为「已销号」(accepted)：当前只能「制定整改措施」、「报告整改进展」。");
    CHECK_THROWS_WITH(applyTaskEvent(TaskStatus::InProgress, TaskEvent::Return),
                      "任务当前状态为「整改中」(in_progress)，不能「退回重新整改」改为「整改中」(in_progress)：当前只能「报告整改进展」、「提交销号」。");
    CHECK_THROWS_WITH(applyTaskEvent(TaskStatus::Submitted, TaskEvent::ReportProgress),
                      "任务当前状态为「已提交销号」(submitted)，不能「报告整改进展」改为「整改中」(in_progress)：当前只能「验收销号」、「退回重新整改」。");
    CHECK_THROWS_WITH(applyTaskEvent(TaskStatus::Accepted, TaskEvent::Plan),
                      "任务当前状态为「已销号」(accepted)，不能「制定整改措施」改为「已制定措施」(planned)：该任务已销号，不能再变更。");
}

TEST_CASE("only accepted tasks are closed", "[task_status]") {
    CHECK(isOpen(TaskStatus::Assigned));
    CHECK(isOpen(TaskStatus::Submitted));
    CHECK_FALSE(isOpen(TaskStatus::Accepted));
    CHECK(taskStatuses.parse("in_progress") == TaskStatus::InProgress);
    CHECK_THROWS_AS(taskStatuses.parse("done"), UserError);
}
