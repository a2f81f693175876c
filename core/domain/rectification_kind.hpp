// The three kinds of rectification task and how their due dates are counted (spec/domain.md).
#pragma once

#include "core/domain/vocabulary.hpp"

namespace patrol::domain {

enum class RectificationKind { Immediate, Deadline, LongTerm };

inline constexpr Vocabulary<RectificationKind, 3> rectificationKinds{
    "整改类型",
    {{{RectificationKind::Immediate, "immediate", "立行立改"},
      {RectificationKind::Deadline, "deadline", "限期整改"},
      {RectificationKind::LongTerm, "long_term", "长期坚持"}}}};

enum class DayCounting { Natural, Working };

inline constexpr Vocabulary<DayCounting, 2> dayCountings{
    "计日方式", {{{DayCounting::Natural, "natural", "自然日"}, {DayCounting::Working, "working", "工作日"}}}};

// The defaults of the settings rectification.<kind>.days (12 months = 365 days).
constexpr int defaultKindDays(RectificationKind kind) {
    return kind == RectificationKind::Immediate ? 30 : kind == RectificationKind::Deadline ? 60 : 365;
}

// The unit's overall rectification report is due this many days after feedback (setting
// rectification.report_days).
constexpr int kDefaultReportDays = 60;

}  // namespace patrol::domain
