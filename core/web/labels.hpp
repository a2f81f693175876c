// The one place pages turn stored code words into what people read: 立行立改 for `immediate`,
// 已提交销号 for `submitted`. Domain words come from the domain's vocabularies (the same labels
// the CLI prints); the rest (extension states, audit actions, badge words) are listed here.
#pragma once

#include <string>

#include "core/domain/role.hpp"

namespace patrol::web {

std::string taskStatusLabel(const std::string& code);
std::string rectificationKindLabel(const std::string& code);
std::string roleLabel(domain::Role role);
std::string extensionStatusLabel(const std::string& code);
// What an audited change of a task is called in its history ("task.progress" -> 报告整改进展).
std::string taskActionLabel(const std::string& action);

// The three-colour warning as a badge: its short word (绿/黄/红/问责, 无 when none) and the
// CSS class that colours it.
struct Badge {
    std::string text;
    std::string css;
};
Badge levelBadge(const std::string& levelCode);

}  // namespace patrol::web
