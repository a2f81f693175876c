// Who a user is to the toolkit (spec/domain.md "People and roles").
#pragma once

#include "core/domain/vocabulary.hpp"

namespace patrol::domain {

enum class Role { Admin, Inspector, Unit, Leader };

inline constexpr Vocabulary<Role, 4> roles{
    "角色",
    {{{Role::Admin, "admin", "巡察办管理员"},
      {Role::Inspector, "inspector", "巡察组成员"},
      {Role::Unit, "unit", "被巡察单位联系人"},
      {Role::Leader, "leader", "领导小组"}}}};

}  // namespace patrol::domain
