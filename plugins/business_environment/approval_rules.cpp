// BE-01 approvals past their promised time limit, counted in working days.
#include "../shared/calendar_cache.hpp"
#include "../shared/text_format.hpp"
#include "rules.hpp"

#include <utility>
#include <vector>

namespace patrol::plugins::business_environment {

namespace {
// The day the clock stops: completion, or as_of for a case still open.
int32_t endOf(const Approvals& a, uint64_t r, int32_t asOf) { return a.completedOn.has(r) ? a.completedOn.date(r) : asOf; }
}  // namespace

void lateApprovals(const Approvals& a, const sdk::Context& context, FindingSink& out) {
    const int32_t asOf = context.asOf();
    std::vector<std::pair<int32_t, int32_t>> spans;
    spans.reserve(a.rows);  // grown by doubling, it copied itself nine times for 375,000 approvals
    for (uint64_t r = 0; r < a.rows; ++r) {
        const int32_t received = a.receivedOn.date(r), end = endOf(a, r, asOf);
        if (end > received) spans.emplace_back(received, end);
    }
    const WorkingDayCounter calendar(context, spans);
    sdk::Finding f;
    f.rule = "BE-01";
    f.refs.resize(1);
    std::string what, state;
    for (uint64_t r = 0; r < a.rows; ++r) {
        const int32_t received = a.receivedOn.date(r), end = endOf(a, r, asOf);
        const int64_t used = calendar.workingDaysAfter(received, end);
        const int64_t limit = a.timeLimitDays.integer(r);
        if (used <= limit) continue;
        if (a.completedOn.has(r))
            catInto(state, date(end), " 办结");
        else
            catInto(state, "截至 ", date(asOf), " 仍未办结");
        f.unit.assign(a.unit.text(r));
        f.refs[0].assign(a.id.text(r));
        if (a.item.has(r))
            catInto(what, "办件 ", f.refs[0], "「", a.item.text(r), "」");
        else
            catInto(what, "办件 ", f.refs[0]);
        const std::string usedDays = std::to_string(used), limitDays = std::to_string(limit);
        catInto(f.title, what, "承诺 ", limitDays, " 个工作日办结，实际用时 ", usedDays, " 个工作日，超时 ", std::to_string(used - limit), " 个工作日");
        catInto(f.detail, what, a.applicant.has(r) ? "，申请人 " : "", a.applicant.has(r) ? a.applicant.text(r) : std::string_view(), "：", date(received),
                " 受理，", state, "，用时 ", usedDays, " 个工作日，超过承诺时限 ", limitDays, " 个工作日。");
        if (!out.emitReused(f)) return;
    }
}

}  // namespace patrol::plugins::business_environment
