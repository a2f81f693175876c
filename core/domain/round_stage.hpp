// The stages of an inspection round as a forward-only state machine (spec/domain.md
// "Round kinds and stages"). Pure: values in, values out.
#pragma once

#include <optional>

#include "core/domain/vocabulary.hpp"

namespace patrol::domain {

enum class RoundStage { Planned, Onsite, Reported, FedBack, Rectifying, Closed };

inline constexpr Vocabulary<RoundStage, 6> roundStages{
    "巡察阶段",
    {{{RoundStage::Planned, "planned", "准备"},
      {RoundStage::Onsite, "onsite", "进驻"},
      {RoundStage::Reported, "reported", "报告"},
      {RoundStage::FedBack, "fed_back", "反馈"},
      {RoundStage::Rectifying, "rectifying", "整改"},
      {RoundStage::Closed, "closed", "评估销号"}}}};

// The stage after `current`, or none for the last one.
std::optional<RoundStage> nextRoundStage(RoundStage current);

// Moves a round to `requested`. Stages move forward one at a time (so entering fed_back is
// never skipped); anything else throws UserError naming both stages.
RoundStage advanceRoundStage(RoundStage current, RoundStage requested);

}  // namespace patrol::domain
