#include "core/cli/finding_review.hpp"

#include <ostream>

#include "core/cli/session.hpp"
#include "core/cli/exit_code.hpp"
#include "core/domain/errors.hpp"
#include "core/services/finding_review.hpp"
#include "core/services/input_checks.hpp"

namespace patrol::cli {
namespace {

const std::vector<std::string> kFilters{"round", "unit", "status", "plugin", "rule"};

bool hasFilter(const Invocation& inv) {
    for (const auto& name : kFilters)
        if (inv.args.has(name)) return true;
    return false;
}

std::string commandName(domain::FindingEvent event) {
    return "patrol finding " + std::string(domain::findingEvents.code(event));
}

services::FindingSelection selection(const Invocation& inv, domain::FindingEvent event) {
    services::FindingSelection s;
    for (const auto& word : inv.args.positional()) s.ids.push_back(services::requireId(word, "问题编号"));
    if (!s.ids.empty() && hasFilter(inv))
        throw UserError("请只用一种方式指定问题：要么列出问题编号，要么用 --round、--unit、--status、--plugin、--rule "
                        "筛选，不要同时使用。");
    if (s.ids.empty() && !hasFilter(inv))
        throw UserError(commandName(event) + " 需要参数 ID（问题编号，可给多个），或用 --round 等选项筛选。请用 --help 查看用法。");
    if (s.ids.empty() && !inv.args.has("round"))
        throw UserError("按条件批量" + std::string(domain::findingEvents.label(event)) +
                        "问题时须用 --round 指明轮次，例如 " + commandName(event) + " --round 2026-R2 --rule FS-05。");
    s.roundCode = inv.args.value("round");
    s.unitCode = inv.args.value("unit");
    s.status = inv.args.value("status");
    s.plugin = inv.args.value("plugin");
    s.rule = inv.args.value("rule");
    return s;
}

// "轮次 2026-R2，规则 FS-05" for a filter; "#7、#8、#9" for numbers (the first ten, then 等).
std::string describe(const Invocation& inv, const std::vector<store::FindingRecord>& findings) {
    std::string out;
    if (inv.args.positional().empty()) {
        const std::vector<std::pair<std::string, std::string>> parts{
            {"round", "轮次"}, {"unit", "单位"}, {"status", "状态"}, {"plugin", "插件"}, {"rule", "规则"}};
        for (const auto& [name, label] : parts)
            if (const auto v = inv.args.value(name)) {
                const std::string shown = name == "status" ? domain::findingStatuses.labelOf(*v) : *v;
                out += (out.empty() ? "" : "，") + label + " " + shown;
            }
        return out;
    }
    for (size_t i = 0; i < findings.size() && i < 10; ++i) out += (i ? "、#" : "#") + std::to_string(findings[i].id);
    if (findings.size() > 10) out += " 等";
    return out;
}

}  // namespace

std::vector<OptionSpec> bulkReviewOptions() {
    return {{"round", "CODE", "按条件批量处理：这一轮的问题（按条件时必填）"},
            {"unit", "CODE", "只处理这个单位的问题"},
            {"status", "STATUS", "只处理此状态的问题（默认 suspected，即疑似）"},
            {"plugin", "NAME", "只处理这个检查插件发现的问题"},
            {"rule", "CODE", "只处理这条检查规则发现的问题，例如 FS-05"},
            {"yes", "", "确认执行：涉及多个问题时必须给出"}};
}

bool isBulkReview(const Invocation& inv) { return inv.args.positional().size() != 1 || hasFilter(inv); }

int runBulkReview(Invocation& inv, domain::FindingEvent event) {
    const auto chosen = selection(inv, event);
    const std::optional<std::string> reason = inv.args.value("reason");
    std::optional<int32_t> day;
    if (const auto date = inv.args.value("date")) day = services::requireDate(*date, "--date");
    auto s = openSession(inv);
    const bool yes = inv.args.has("yes");
    const auto review =
        services::reviewFindings(s.db, s.actor, chosen, event, reason, [yes](size_t count) { return yes || count <= 1; },
                                 day);
    const std::string verb(domain::findingEvents.label(event));
    if (review.findings.empty())
        throw UserError("没有符合条件的问题（" + describe(inv, review.findings) + "），未" + verb +
                        "任何问题。可用 patrol finding list 查看问题及其状态。");
    const std::string what = " " + std::to_string(review.findings.size()) + " 个问题（" + describe(inv, review.findings) + "）";
    const std::string why = event == domain::FindingEvent::Dismiss ? "，理由：" + *reason : "";
    if (!review.applied) {
        inv.out << "将" << verb << what << why << "。确认无误请加 --yes 再执行。\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    inv.out << "已" << verb << what << why << "。\n";
    return 0;
}

}  // namespace patrol::cli
