// Every round stage × every requested stage.
#include <catch2/catch.hpp>

#include "core/domain/round_stage.hpp"

using namespace patrol;
using namespace patrol::domain;

namespace {

std::string refusal(RoundStage from, RoundStage to) {
    try {
        advanceRoundStage(from, to);
    } catch (const UserError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("round stages move forward one at a time, and every other move is refused") {
    const auto& terms = roundStages.terms();
    for (std::size_t i = 0; i < terms.size(); ++i) {
        for (std::size_t j = 0; j < terms.size(); ++j) {
            const RoundStage from = terms[i].value;
            const RoundStage to = terms[j].value;
            INFO(terms[i].code << " -> " << terms[j].code);
            if (j == i + 1) {
                CHECK(advanceRoundStage(from, to) == to);
            } else {
                const std::string message = refusal(from, to);
                CHECK(message.find(roundStages.quoted(from)) != std::string::npos);
                CHECK(message.find(roundStages.quoted(to)) != std::string::npos);
            }
        }
    }
}

TEST_CASE("each kind of refused stage move explains itself") {
    CHECK(refusal(RoundStage::Reported, RoundStage::Planned) ==
          "巡察阶段只能向前推进：当前为「报告」(reported)，不能退回到「准备」(planned)；下一阶段是「反馈」(fed_back)。");
    CHECK(refusal(RoundStage::Planned, RoundStage::Reported) ==
          "巡察阶段须逐级推进：当前为「准备」(planned)，不能直接推进到「报告」(reported)；请先推进到「进驻」(onsite)。");
    CHECK(refusal(RoundStage::FedBack, RoundStage::FedBack) ==
          "巡察轮次已处于「反馈」(fed_back)阶段，不能再次推进到「反馈」(fed_back)；下一阶段是「整改」(rectifying)。");
    CHECK(refusal(RoundStage::Closed, RoundStage::Closed) ==
          "巡察轮次已「评估销号」(closed)，不能再推进到「评估销号」(closed)：评估销号是最后一个阶段。");
}

TEST_CASE("the stage after each stage") {
    CHECK(nextRoundStage(RoundStage::Planned) == RoundStage::Onsite);
    CHECK(nextRoundStage(RoundStage::Onsite) == RoundStage::Reported);
    CHECK(nextRoundStage(RoundStage::Reported) == RoundStage::FedBack);
    CHECK(nextRoundStage(RoundStage::FedBack) == RoundStage::Rectifying);
    CHECK(nextRoundStage(RoundStage::Rectifying) == RoundStage::Closed);
    CHECK_FALSE(nextRoundStage(RoundStage::Closed).has_value());
}

TEST_CASE("stage words parse and unknown ones list the accepted words") {
    CHECK(roundStages.parse("fed_back") == RoundStage::FedBack);
    CHECK(roundStages.code(RoundStage::Rectifying) == "rectifying");
    try {
        roundStages.parse("feedback");
        FAIL("an unknown stage was accepted");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()) ==
              "未知的巡察阶段「feedback」：应为 planned（准备）、onsite（进驻）、reported（报告）、fed_back（反馈）、"
              "rectifying（整改）、closed（评估销号） 之一，请改用其中一个。");
    }
}
