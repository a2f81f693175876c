#include "core/cli/error_hints.hpp"

#include <algorithm>
#include <map>

namespace patrol::cli {

namespace {

// Where to look when a record is not found: a sentence, or a parenthesis before the final "。".
struct ListingHint {
    std::string text;
    bool parenthetical;
};

const std::map<std::string, ListingHint>& listingHints() {
    static const std::map<std::string, ListingHint> hints{
        {"round", {"可用 patrol round list 查看所有轮次", true}},
        {"unit", {"可用 patrol unit list 查看所有单位", true}},
        {"user", {"可用 patrol user list 查看所有用户", true}},
        {"finding", {"可用 patrol finding list 查看", true}},
        {"task", {"请用 patrol task list 查看可见的任务。", false}},
        {"clue", {"请用 patrol clue list 查看可见的线索。", false}},
        {"plugin", {"请用 patrol plugin list 查看。", false}},
        {"actor", {"请用 --user 或 PATROL_USER 指定已登记的用户，或请管理员先添加该用户。", false}},
    };
    return hints;
}

const std::string kFullStop = "。";

std::string withListingHint(const std::string& message, const std::string& entity) {
    const auto hint = listingHints().find(entity);
    if (hint == listingHints().end()) return message;
    if (!hint->second.parenthetical) return message + hint->second.text;
    const bool ends = message.size() >= kFullStop.size() &&
                      message.compare(message.size() - kFullStop.size(), kFullStop.size(), kFullStop) == 0;
    const std::string body = ends ? message.substr(0, message.size() - kFullStop.size()) : message;
    return body + "（" + hint->second.text + "）" + kFullStop;
}

bool hasOption(const CommandSpec& command, const std::string& name) {
    return std::any_of(command.options.begin(), command.options.end(), [&](const OptionSpec& o) { return o.name == name; });
}

// "整改措施不能为空" becomes "整改措施（--measure）不能为空" when the command takes --measure.
std::string withOption(const InvalidInput& e, const CommandSpec* command) {
    const std::string message = e.what();
    if (!command || e.field().empty() || e.label().empty() || !hasOption(*command, e.field())) return message;
    if (message.rfind(e.label(), 0) != 0) return message;
    return e.label() + "（--" + e.field() + "）" + message.substr(e.label().size());
}

}  // namespace

std::string refusalText(const UserError& e, const CommandSpec* command) {
    if (const auto* missing = dynamic_cast<const NotFound*>(&e)) return withListingHint(e.what(), missing->entity());
    if (const auto* invalid = dynamic_cast<const InvalidInput*>(&e)) return withOption(*invalid, command);
    return e.what();
}

}  // namespace patrol::cli
