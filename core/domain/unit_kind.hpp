// Kinds of inspected unit (spec/domain.md "Entities").
#pragma once

#include "core/domain/vocabulary.hpp"

namespace patrol::domain {

enum class UnitKind { Township, Department, Village, Community, Enterprise, Other };

inline constexpr Vocabulary<UnitKind, 6> unitKinds{
    "单位类型",
    {{{UnitKind::Township, "township", "乡镇"},
      {UnitKind::Department, "department", "县直部门"},
      {UnitKind::Village, "village", "村"},
      {UnitKind::Community, "community", "社区"},
      {UnitKind::Enterprise, "enterprise", "国有企业"},
      {UnitKind::Other, "other", "其他"}}}};

}  // namespace patrol::domain
