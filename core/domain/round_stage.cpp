#include "core/domain/round_stage.hpp"

namespace patrol::domain {

std::optional<RoundStage> nextRoundStage(RoundStage current) {
    switch (current) {
        case RoundStage::Planned: return RoundStage::Onsite;
        case RoundStage::Onsite: return RoundStage::Reported;
        case RoundStage::Reported: return RoundStage::FedBack;
        case RoundStage::FedBack: return RoundStage::Rectifying;
        case RoundStage::Rectifying: return RoundStage::Closed;
        case RoundStage::Closed: return std::nullopt;
    }
    return std::nullopt;
}

RoundStage advanceRoundStage(RoundStage current, RoundStage requested) {
    const auto next = nextRoundStage(current);
    if (next == requested) return requested;
    const std::string from = roundStages.quoted(current);
    const std::string to = roundStages.quoted(requested);
    if (!next)
        throw Conflict("巡察轮次已" + from + "，不能再推进到" + to + "：评估销号是最后一个阶段。");
    if (requested == current)
        throw Conflict("巡察轮次已处于" + from + "阶段，不能再次推进到" + to + "；下一阶段是" +
                        roundStages.quoted(*next) + "。");
    if (static_cast<int>(requested) < static_cast<int>(current))
        throw Conflict("巡察阶段只能向前推进：当前为" + from + "，不能退回到" + to + "；下一阶段是" +
                        roundStages.quoted(*next) + "。");
    throw Conflict("巡察阶段须逐级推进：当前为" + from + "，不能直接推进到" + to + "；请先推进到" +
                    roundStages.quoted(*next) + "。");
}

}  // namespace patrol::domain
