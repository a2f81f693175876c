#include "core/domain/excerpt.hpp"
#include "core/domain/clue.hpp"

namespace patrol::domain {
namespace {

std::string requireWord(std::string_view word, const std::vector<std::string>& words, const char* what) {
    std::string choices;
    for (const auto& w : words) {
        if (w == word) return w;
        choices += (choices.empty() ? "" : "、") + w;
    }
    throw UserError("未知的" + std::string(what) + "「" + excerpt(word) + "」：应为 " + choices +
                    " 之一，请改用其中一个。");
}

}  // namespace

const std::vector<std::string>& partySanctions() {
    static const std::vector<std::string> words{"警告", "严重警告", "撤销党内职务", "留党察看", "开除党籍"};
    return words;
}

const std::vector<std::string>& governmentSanctions() {
    static const std::vector<std::string> words{"警告", "记过", "记大过", "降级", "撤职", "开除"};
    return words;
}

const std::vector<std::string>& organizationalHandlings() {
    static const std::vector<std::string> words{"停职检查", "调整职务", "责令辞职", "免职", "降职", "诫勉"};
    return words;
}

std::string requirePartySanction(std::string_view word) { return requireWord(word, partySanctions(), "党纪处分"); }

std::string requireGovernmentSanction(std::string_view word) {
    return requireWord(word, governmentSanctions(), "政务处分");
}

std::string requireOrganizationalHandling(std::string_view word) {
    return requireWord(word, organizationalHandlings(), "组织处理");
}

ClueStatus applyDisposal(ClueStatus current, DisposalMethod method) {
    if (current == ClueStatus::Concluded)
        throw Conflict("线索当前状态为" + clueStatuses.quoted(current) + "，不能再选择处置方式" +
                        disposalMethods.quoted(method) + "：已办结的线索不再处置。");
    return method == DisposalMethod::Close ? ClueStatus::Concluded : ClueStatus::Disposing;
}

ClueStatus applyOutcome(ClueStatus current, std::optional<DisposalMethod> method, const PersonOutcome& outcome) {
    if (!method || (*method != DisposalMethod::TalkInquiry && *method != DisposalMethod::Preliminary)) {
        const std::string now = method ? "处置方式为" + disposalMethods.quoted(*method) : std::string("尚未选择处置方式");
        throw Conflict("线索当前状态为" + clueStatuses.quoted(current) + "、" + now +
                        "，不能登记处理结果：请先用 clue dispose 选择 talk_inquiry（谈话函询）或 preliminary（初步核实）。");
    }
    if (outcome.person.empty()) throw InvalidInput("person", "被处理人", "不能为空：处理结果需要写明被处理人的姓名。");
    if (outcome.form == DisciplineForm::F1 && (outcome.partySanction || outcome.governmentSanction))
        throw UserError("第一种形态(f1)为批评教育、谈话函询，不含党纪或政务处分；给予处分的请选择 f2、f3 或 f4。");
    if (outcome.recoveredFen < 0) throw UserError("追缴/挽回金额不能为负数。");
    return ClueStatus::Concluded;
}

}  // namespace patrol::domain
