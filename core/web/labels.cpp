#include "core/web/labels.hpp"

#include <map>

#include "core/domain/escalation.hpp"
#include "core/domain/rectification_kind.hpp"
#include "core/domain/task_status.hpp"

namespace patrol::web {

namespace {

// A word no list knows (a newer database, a hand-edited row) is shown as 未知 rather than raw.
template <typename Vocab>
std::string labelIn(const Vocab& vocabulary, const std::string& code) {
    if (const auto value = vocabulary.find(code)) return std::string(vocabulary.label(*value));
    return "未知";
}

std::string listed(const std::map<std::string, std::string>& words, const std::string& code) {
    const auto it = words.find(code);
    return it == words.end() ? "其他" : it->second;
}

}  // namespace

std::string taskStatusLabel(const std::string& code) { return labelIn(domain::taskStatuses, code); }

std::string rectificationKindLabel(const std::string& code) { return labelIn(domain::rectificationKinds, code); }

std::string roleLabel(domain::Role role) { return std::string(domain::roles.label(role)); }

std::string extensionStatusLabel(const std::string& code) {
    static const std::map<std::string, std::string> words{{"pending", "待审批"}, {"approved", "已批准"}, {"denied", "已驳回"}};
    return listed(words, code);
}

std::string taskActionLabel(const std::string& action) {
    static const std::map<std::string, std::string> words{
        {"task.create", "交办整改任务"},
        {"task.plan", "制定整改措施"},
        {"task.progress", "报告整改进展"},
        {"task.submit", "提交销号"},
        {"task.accept", "验收销号"},
        {"task.return", "退回重新整改"},
        {"task.escalate", "预警升级"},
        {"task.extension.request", "申请延期"},
        {"task.extension.approve", "批准延期"},
        {"task.extension.deny", "驳回延期申请"},
    };
    return listed(words, action);
}

Badge levelBadge(const std::string& levelCode) {
    static const std::map<std::string, Badge> badges{
        {"none", {"无", "badge-none"}},         {"green", {"绿", "badge-green"}}, {"yellow", {"黄", "badge-yellow"}},
        {"red", {"红", "badge-red"}},           {"accountability", {"问责", "badge-accountability"}},
    };
    const auto it = badges.find(levelCode);
    return it == badges.end() ? Badge{"未知", "badge-none"} : it->second;
}

}  // namespace patrol::web
