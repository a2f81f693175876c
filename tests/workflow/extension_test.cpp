#include <catch2/catch.hpp>
#include <patrol/sdk/civil.hpp>

#include "core/domain/errors.hpp"
#include "core/domain/extension.hpp"

using namespace patrol;
using namespace patrol::domain;

namespace {
int32_t day(const char* text) { return *civil::parseDate(text); }
}  // namespace

TEST_CASE("an extension request must ask for a later date on an open task, one at a time", "[extension]") {
    CHECK_NOTHROW(checkExtensionRequest(TaskStatus::InProgress, day("2026-05-01"), day("2026-06-01"), false));
    CHECK_NOTHROW(checkExtensionRequest(TaskStatus::Submitted, day("2026-05-01"), day("2026-05-02"), false));
    CHECK_THROWS_WITH(checkExtensionRequest(TaskStatus::Planned, day("2026-05-01"), day("2026-05-01"), false),
                      "延期后的期限应晚于当前期限 2026-05-01，实际为 2026-05-01；请指定更晚的日期。");
    CHECK_THROWS_WITH(checkExtensionRequest(TaskStatus::Planned, day("2026-05-01"), day("2026-06-01"), true),
                      "该任务已有一项待审批的延期申请；请等待审批（task extension approve|deny）后再申请。");
    CHECK_THROWS_WITH(checkExtensionRequest(TaskStatus::Accepted, day("2026-05-01"), day("2026-06-01"), false),
                      "任务当前状态为「已销号」(accepted)，已销号的任务不能申请延期。");
}

TEST_CASE("a request is decided once", "[extension]") {
    CHECK(decideExtension(ExtensionStatus::Pending, true) == ExtensionStatus::Approved);
    CHECK(decideExtension(ExtensionStatus::Pending, false) == ExtensionStatus::Denied);
    CHECK_THROWS_WITH(decideExtension(ExtensionStatus::Approved, false),
                      "延期申请当前状态为「已批准」(approved)，不能再驳回：只有「待审批」(pending)的申请可以审批。");
    CHECK_THROWS_WITH(decideExtension(ExtensionStatus::Denied, true),
                      "延期申请当前状态为「未批准」(denied)，不能再批准：只有「待审批」(pending)的申请可以审批。");
}
