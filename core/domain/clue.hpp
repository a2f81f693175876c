// Clue disposal vocabulary (问题线索处置, spec/domain.md "Clue disposal") and its small lifecycle.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/vocabulary.hpp"

namespace patrol::domain {

enum class ReceivingBody { DisciplineCommission, OrganizationDept, Other };

inline constexpr Vocabulary<ReceivingBody, 3> receivingBodies{
    "接收单位",
    {{{ReceivingBody::DisciplineCommission, "纪委监委", "纪检监察机关"},
      {ReceivingBody::OrganizationDept, "组织部", "党委组织部门"},
      {ReceivingBody::Other, "other", "其他有关单位"}}}};

enum class DisposalMethod { TalkInquiry, Preliminary, Hold, Close };

inline constexpr Vocabulary<DisposalMethod, 4> disposalMethods{
    "处置方式",
    {{{DisposalMethod::TalkInquiry, "talk_inquiry", "谈话函询"},
      {DisposalMethod::Preliminary, "preliminary", "初步核实"},
      {DisposalMethod::Hold, "hold", "暂存待查"},
      {DisposalMethod::Close, "close", "予以了结"}}}};

enum class DisciplineForm { F1, F2, F3, F4 };  // 监督执纪“四种形态”

inline constexpr Vocabulary<DisciplineForm, 4> disciplineForms{
    "形态",
    {{{DisciplineForm::F1, "f1", "第一种形态"},
      {DisciplineForm::F2, "f2", "第二种形态"},
      {DisciplineForm::F3, "f3", "第三种形态"},
      {DisciplineForm::F4, "f4", "第四种形态"}}}};

enum class CadreLevel { County, Township, Other };

inline constexpr Vocabulary<CadreLevel, 3> cadreLevels{
    "干部层级",
    {{{CadreLevel::County, "县处级", "县处级干部"},
      {CadreLevel::Township, "乡科级", "乡科级干部"},
      {CadreLevel::Other, "其他", "其他人员"}}}};

// transferred: received, no disposal yet; disposing: a method is set; concluded: a final
// disposal exists (予以了结, or an outcome recorded for at least one person).
enum class ClueStatus { Transferred, Disposing, Concluded };

inline constexpr Vocabulary<ClueStatus, 3> clueStatuses{
    "线索状态",
    {{{ClueStatus::Transferred, "transferred", "已移交"},
      {ClueStatus::Disposing, "disposing", "处置中"},
      {ClueStatus::Concluded, "concluded", "已办结"}}}};

// The closed word lists of sanctions and handling (the word itself is stored).
const std::vector<std::string>& partySanctions();          // 警告 … 开除党籍
const std::vector<std::string>& governmentSanctions();     // 警告 … 开除
const std::vector<std::string>& organizationalHandlings();  // 停职检查 … 诫勉
// A word outside its list is a UserError naming the allowed words.
std::string requirePartySanction(std::string_view word);
std::string requireGovernmentSanction(std::string_view word);
std::string requireOrganizationalHandling(std::string_view word);

// Choosing a disposal: refused once the clue is concluded. Returns the new status.
ClueStatus applyDisposal(ClueStatus current, DisposalMethod method);

// One person's outcome (处理结果).
struct PersonOutcome {
    std::string person;
    CadreLevel level = CadreLevel::Other;
    DisciplineForm form = DisciplineForm::F1;
    std::optional<std::string> partySanction;
    std::optional<std::string> governmentSanction;
    std::optional<std::string> organizationalHandling;
    bool referredToProsecutors = false;  // 移送司法
    long long recoveredFen = 0;          // 追缴/挽回
};

// Recording an outcome: only while the method is 谈话函询 or 初步核实 (so never after 予以了结
// or while 暂存待查); the first form (批评教育) carries no party or government sanction.
ClueStatus applyOutcome(ClueStatus current, std::optional<DisposalMethod> method, const PersonOutcome& outcome);

}  // namespace patrol::domain
