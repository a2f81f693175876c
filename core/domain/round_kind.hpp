// Kinds of inspection round (spec/domain.md "Round kinds and stages").
#pragma once

#include "core/domain/vocabulary.hpp"

namespace patrol::domain {

enum class RoundKind { Regular, Special, Mobile, Elevated, Cross, Lookback };

inline constexpr Vocabulary<RoundKind, 6> roundKinds{
    "巡察类型",
    {{{RoundKind::Regular, "regular", "常规巡察"},
      {RoundKind::Special, "special", "专项巡察"},
      {RoundKind::Mobile, "mobile", "机动巡察"},
      {RoundKind::Elevated, "elevated", "提级巡察"},
      {RoundKind::Cross, "cross", "交叉巡察"},
      {RoundKind::Lookback, "lookback", "巡察\"回头看\""}}}};

}  // namespace patrol::domain
