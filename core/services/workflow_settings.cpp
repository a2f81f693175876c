#include "core/services/workflow_settings.hpp"

#include <string>

#include "core/domain/errors.hpp"
#include "core/services/settings.hpp"

namespace patrol::services {

namespace {

int64_t nonNegative(const Settings& settings, const std::string& key) {
    const int64_t n = settings.integer(key);
    if (n < 0 || n > 100000)
        throw UserError("配置项 " + key + " 应为 0 到 100000 之间的整数，实际为 " + std::to_string(n) + "。请修改配置文件。");
    return n;
}

}  // namespace

WorkflowSettings readWorkflowSettings(const Settings& settings) {
    WorkflowSettings w;
    for (const auto& term : domain::rectificationKinds.terms()) {
        const std::string prefix = "rectification." + std::string(term.code);
        KindRule rule;
        rule.days = static_cast<int>(nonNegative(settings, prefix + ".days"));
        const std::string counting = settings.text(prefix + ".count");
        const auto parsed = domain::dayCountings.find(counting);
        if (!parsed)
            throw UserError("配置项 " + prefix + ".count 应为 natural（自然日）或 working（工作日），实际为 \"" + counting +
                            "\"。请修改配置文件。");
        rule.counting = *parsed;
        w.kinds[term.value] = rule;
    }
    w.reportDays = static_cast<int>(nonNegative(settings, "rectification.report_days"));
    w.evidenceMaxBytes = settings.integer("evidence.max_bytes");
    if (w.evidenceMaxBytes < 1)
        throw UserError("配置项 evidence.max_bytes 应为正整数（字节），实际为 " + std::to_string(w.evidenceMaxBytes) + "。");
    return w;
}

}  // namespace patrol::services
