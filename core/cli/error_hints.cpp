#include "core/cli/error_hints.hpp"

#include <algorithm>
#include <map>
#include <vector>

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
        {"attachment", {"请用 patrol finding show 查看问题的取证材料。", false}},
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

// How the CLI words a next step: each phrase the service's message uses for it is replaced by
// the command line a shell user types ("{subject}" is the record the step concerns).
struct CommandWording {
    std::string phrase;
    std::string words;
};

const std::map<std::string, std::vector<CommandWording>>& commandWordings() {
    static const std::map<std::string, std::vector<CommandWording>> wordings{
        {"user.restore", {{"请管理员恢复其访问权限", "请管理员用 patrol user restore {subject} 恢复其访问权限"}}},
        {"audit.verify", {{"再核验审计日志", "再运行 patrol audit verify 确认"}}},
        {"audit.baseline", {{"管理员可为其记录审计基线", "管理员可运行 patrol audit baseline 记录其当前状态"}}},
        {"backup.made", {{"这不是备份时生成的目录", "这不是 patrol backup 生成的备份目录"}, {"备份时写入", "patrol backup 写入"}}},
        {"calendar.file", {{"所指定的日历文件或", "--calendar 或"}, {"或另行指定日历文件", "或用 --calendar 指定日历文件"}}},
        {"check.all", {{"检查全部插件需要", "--plugin all 需要"}}},
        {"config.file", {{"请检查所指定的配置文件路径", "请检查 --config 或 PATROL_CONFIG 指向的路径"}}},
        {"data.folder", {{"请指定存放", "请用 --data 指定存放"}}},
        {"database.choose",
         {{"请指定", "请用 --db 指定"}, {"或指定其他位置", "或用 --db 指定其他位置"}, {"或新建一个数据库", "或用 patrol init 新建一个数据库"}}},
        {"demo.database", {{"请指定一个新的数据库文件。", "请用 --db 指定一个新文件，例如 --db /tmp/patrol-demo.db。"}}},
        {"round.show", {{"可查看该轮次的", "可用 patrol round show {subject} 查看"}}},
        {"round.leader", {{"请先指定新的组长", "请先指定新的组长（patrol round team --round {subject} --leader 姓名）"}}},
        {"task.accept", {{"请先验收这些任务", "请先验收这些任务（patrol task accept）"}}},
        {"task.extend", {{"单位可提出申请", "单位可用 patrol task extend {subject} --to 日期 --reason 理由 提出申请"}}},
        {"task.verification",
         {{"也没有给出核查意见", "也没有给出 --note"},
          {"附上材料", "附上材料（task progress --evidence FILE）"},
          {"或写明核查意见", "或用 --note 写明核查意见"}}},
    };
    return wordings;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    return text;
}

bool hasOption(const CommandSpec& command, const std::string& name) {
    return std::any_of(command.options.begin(), command.options.end(), [&](const OptionSpec& o) { return o.name == name; });
}

// "整改措施不能为空" becomes "整改措施（--measure）不能为空" when the command takes --measure.
std::string withOption(const InvalidInput& e, const std::string& message, const CommandSpec* command) {
    if (!command || e.field().empty() || e.label().empty() || !hasOption(*command, e.field())) return message;
    if (message.rfind(e.label(), 0) != 0) return message;
    return e.label() + "（--" + e.field() + "）" + message.substr(e.label().size());
}

}  // namespace

std::string withNextStep(const std::string& message, const NextStep& next) {
    const auto wording = commandWordings().find(next.action);
    if (wording == commandWordings().end()) return message;
    std::string text = message;
    for (const auto& [phrase, words] : wording->second) {
        const auto at = text.rfind(phrase);  // what to do comes last, after any path or name
        if (at != std::string::npos) text.replace(at, phrase.size(), replaced(words, "{subject}", next.subject));
    }
    return text;
}

std::string refusalText(const UserError& e, const CommandSpec* command) {
    const std::string message = withNextStep(e.what(), e.next());
    if (const auto* missing = dynamic_cast<const NotFound*>(&e)) return withListingHint(message, missing->entity());
    if (const auto* invalid = dynamic_cast<const InvalidInput*>(&e)) return withOption(*invalid, message, command);
    return message;
}

}  // namespace patrol::cli
