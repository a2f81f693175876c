#include <catch2/catch.hpp>

#include "core/domain/clue.hpp"
#include "core/domain/errors.hpp"

using namespace patrol;
using namespace patrol::domain;

TEST_CASE("clue words are the spec's words", "[clue]") {
    CHECK(receivingBodies.parse("纪委监委") == ReceivingBody::DisciplineCommission);
    CHECK(receivingBodies.parse("组织部") == ReceivingBody::OrganizationDept);
    CHECK(receivingBodies.parse("other") == ReceivingBody::Other);
    CHECK_THROWS_WITH(receivingBodies.parse("公安局"),
                      "未知的接收单位「公安局」：应为 纪委监委（纪检监察机关）、组织部（党委组织部门）、other（其他有关单位） 之一，请改用其中一个。");
    CHECK(disposalMethods.parse("talk_inquiry") == DisposalMethod::TalkInquiry);
    CHECK(disposalMethods.label(DisposalMethod::Close) == "予以了结");
    CHECK(disciplineForms.parse("f4") == DisciplineForm::F4);
    CHECK_THROWS_AS(disciplineForms.parse("f5"), UserError);
    CHECK(cadreLevels.parse("乡科级") == CadreLevel::Township);
    CHECK(partySanctions() == std::vector<std::string>{"警告", "严重警告", "撤销党内职务", "留党察看", "开除党籍"});
    CHECK(governmentSanctions() == std::vector<std::string>{"警告", "记过", "记大过", "降级", "撤职", "开除"});
    CHECK(organizationalHandlings() ==
          std::vector<std::string>{"停职检查", "调整职务", "责令辞职", "免职", "降职", "诫勉"});
    CHECK(requirePartySanction("留党察看") == "留党察看");
    CHECK_THROWS_WITH(requireGovernmentSanction("罚款"),
                      "未知的政务处分「罚款」：应为 警告、记过、记大过、降级、撤职、开除 之一，请改用其中一个。");
    CHECK_THROWS_AS(requireOrganizationalHandling("警告"), UserError);
}

TEST_CASE("disposal moves a clue on, 予以了结 concludes it", "[clue]") {
    CHECK(applyDisposal(ClueStatus::Transferred, DisposalMethod::Hold) == ClueStatus::Disposing);
    CHECK(applyDisposal(ClueStatus::Disposing, DisposalMethod::Preliminary) == ClueStatus::Disposing);
    CHECK(applyDisposal(ClueStatus::Disposing, DisposalMethod::Close) == ClueStatus::Concluded);
    CHECK_THROWS_WITH(applyDisposal(ClueStatus::Concluded, DisposalMethod::TalkInquiry),
                      "线索当前状态为「已办结」(concluded)，不能再选择处置方式「谈话函询」(talk_inquiry)：已办结的线索不再处置。");
}

TEST_CASE("outcomes need an inquiry or verification, and f1 carries no sanction", "[clue]") {
    PersonOutcome outcome{"张某", CadreLevel::Township, DisciplineForm::F2, std::string("警告"), std::nullopt,
                          std::nullopt, false, 0};
    CHECK(applyOutcome(ClueStatus::Disposing, DisposalMethod::Preliminary, outcome) == ClueStatus::Concluded);
    CHECK(applyOutcome(ClueStatus::Concluded, DisposalMethod::TalkInquiry, outcome) == ClueStatus::Concluded);
    CHECK_THROWS_WITH(applyOutcome(ClueStatus::Transferred, std::nullopt, outcome),
                      "线索当前状态为「已移交」(transferred)、尚未选择处置方式，不能登记处理结果：请先用 clue dispose 选择 talk_inquiry（谈话函询）或 preliminary（初步核实）。");
    CHECK_THROWS_WITH(applyOutcome(ClueStatus::Disposing, DisposalMethod::Hold, outcome),
                      "线索当前状态为「处置中」(disposing)、处置方式为「暂存待查」(hold)，不能登记处理结果：请先用 clue dispose 选择 talk_inquiry（谈话函询）或 preliminary（初步核实）。");
    CHECK_THROWS_AS(applyOutcome(ClueStatus::Concluded, DisposalMethod::Close, outcome), UserError);
    outcome.form = DisciplineForm::F1;
    CHECK_THROWS_WITH(applyOutcome(ClueStatus::Disposing, DisposalMethod::TalkInquiry, outcome),
                      "第一种形态(f1)为批评教育、谈话函询，不含党纪或政务处分；给予处分的请选择 f2、f3 或 f4。");
    outcome.partySanction.reset();
    outcome.organizationalHandling = "诫勉";
    CHECK(applyOutcome(ClueStatus::Disposing, DisposalMethod::TalkInquiry, outcome) == ClueStatus::Concluded);
    outcome.person.clear();
    CHECK_THROWS_WITH(applyOutcome(ClueStatus::Disposing, DisposalMethod::TalkInquiry, outcome),
                      "被处理人不能为空：处理结果需要写明被处理人的姓名。");
}
