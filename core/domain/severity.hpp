// How serious a finding is; manual findings default to medium.
#pragma once

#include "core/domain/vocabulary.hpp"

namespace patrol::domain {

enum class Severity { Low, Medium, High };

inline constexpr Vocabulary<Severity, 3> severities{
    "严重程度",
    {{{Severity::Low, "low", "一般"}, {Severity::Medium, "medium", "较重"}, {Severity::High, "high", "严重"}}}};

}  // namespace patrol::domain
