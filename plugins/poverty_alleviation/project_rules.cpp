// PA-04 idle funds, PA-05 overspend, PA-06 stalled project; all charged to the project's unit.
#include "../shared/text_format.hpp"
#include "../shared/text_index.hpp"
#include "rules.hpp"

#include <string_view>
#include <vector>

namespace patrol::plugins::poverty_alleviation {

namespace {
std::string projectName(const Projects& pr, uint64_t r) {
    return "项目 " + str(pr.id.text(r)) + (pr.name.has(r) ? "「" + str(pr.name.text(r)) + "」" : std::string());
}

sdk::Finding projectFinding(const char* rule, const Projects& pr, uint64_t r) {
    sdk::Finding f;
    f.rule = rule;
    f.unit = str(pr.unit.text(r));
    f.refs = {str(pr.id.text(r))};
    return f;
}

}  // namespace

ProjectSums sumPayments(const Projects& pr, const Payments& p, int32_t asOf) {
    const auto projectId = [&](uint32_t row) { return pr.id.text(row); };
    const TextIndex index(pr.rows, projectId);
    ProjectSums sums{std::vector<int64_t>(pr.rows, 0), std::vector<int64_t>(pr.rows, 0)};
    for (uint64_t r = 0; r < p.rows; ++r) {
        const TextIndex::Entry* found = index.find(p.project.text(r), projectId);  // an empty project_id finds nothing
        if (!found) continue;
        sums.all[found->row()] += p.amount.fen(r);
        if (p.paidOn.date(r) <= asOf) sums.untilAsOf[found->row()] += p.amount.fen(r);
    }
    return sums;
}

void idleFunds(const Projects& pr, const ProjectSums& sums, const Settings& s, int32_t asOf, FindingSink& out) {
    for (uint64_t r = 0; r < pr.rows; ++r) {
        if (!pr.fundsArrivedOn.has(r) || pr.actualCompletion.has(r)) continue;
        const int64_t idle = static_cast<int64_t>(asOf) - pr.fundsArrivedOn.date(r);
        if (idle <= s.idleDays) continue;
        const int64_t budget = pr.budget.fen(r);
        const int64_t disbursed = sums.untilAsOf[r];
        // disbursed < ratio × budget, as exact integers: disbursed × den < num × budget.
        if (Wide(disbursed) * s.idleRatio.denominator >= Wide(budget) * s.idleRatio.numerator) continue;
        sdk::Finding f = projectFinding("PA-04", pr, r);
        f.amountFen = budget - disbursed;
        const std::string share = budget > 0 ? "，仅占预算的 " + percent(disbursed, budget) + "%" : std::string();
        f.title = projectName(pr, r) + "资金到位 " + std::to_string(idle) + " 天，已拨付 " + yuan(disbursed) + " 元" + share +
                  "，滞留 " + yuan(budget - disbursed) + " 元";
        f.detail = projectName(pr, r) + "：预算 " + yuan(budget) + " 元，资金 " + date(pr.fundsArrivedOn.date(r)) + " 到位，截至 " +
                   date(asOf) + " 已 " + std::to_string(idle) + " 天（标准 " + std::to_string(s.idleDays) + " 天），项目未完工，累计拨付 " +
                   yuan(disbursed) + " 元，低于预算的 " + percent(s.idleRatio.numerator, s.idleRatio.denominator) + "%。";
        if (!out.emit(std::move(f))) return;
    }
}

void overspends(const Projects& pr, const ProjectSums& sums, FindingSink& out) {
    for (uint64_t r = 0; r < pr.rows; ++r) {
        const int64_t spent = sums.all[r], budget = pr.budget.fen(r);
        if (spent <= budget) continue;
        sdk::Finding f = projectFinding("PA-05", pr, r);
        f.amountFen = spent - budget;
        f.title = projectName(pr, r) + "支出 " + yuan(spent) + " 元，超出预算 " + yuan(budget) + " 元 " + yuan(spent - budget) + " 元";
        f.detail = projectName(pr, r) + "：预算 " + yuan(budget) + " 元，发放记录合计 " + yuan(spent) + " 元，超预算 " +
                   yuan(spent - budget) + " 元。";
        if (!out.emit(std::move(f))) return;
    }
}

void stalledProjects(const Projects& pr, int32_t asOf, FindingSink& out) {
    for (uint64_t r = 0; r < pr.rows; ++r) {
        if (!pr.plannedCompletion.has(r) || pr.actualCompletion.has(r)) continue;
        const int32_t planned = pr.plannedCompletion.date(r);
        if (planned >= asOf) continue;
        const std::string late = std::to_string(static_cast<int64_t>(asOf) - planned);
        sdk::Finding f = projectFinding("PA-06", pr, r);
        f.title = projectName(pr, r) + "计划 " + date(planned) + " 完工，已逾期 " + late + " 天未完工";
        f.detail = projectName(pr, r) + "：计划完工日期 " + date(planned) + "，截至 " + date(asOf) + " 仍无实际完工日期，逾期 " + late +
                   " 天，需核实是否停滞或烂尾。";
        if (!out.emit(std::move(f))) return;
    }
}

}  // namespace patrol::plugins::poverty_alleviation
