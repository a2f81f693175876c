#include "core/web/navigation.hpp"

namespace patrol::web {

std::vector<NavEntry> navigationFor(domain::Role role) {
    switch (role) {
        case domain::Role::Unit: return {{"/tasks", "我的整改任务"}, {"/notices", "预警通知"}};
        case domain::Role::Inspector: return {{"/rounds", "我的巡察轮次"}, {"/tasks", "整改任务"}, {"/notices", "预警通知"}};
        case domain::Role::Leader:
            return {{"/dashboard", "统计看板"}, {"/extensions", "延期审批"}, {"/rounds", "巡察轮次"}, {"/tasks", "整改任务"},
                    {"/notices", "预警通知"}};
        case domain::Role::Admin:
            return {{"/users", "用户管理"}, {"/units", "单位管理"}, {"/rounds", "巡察轮次"}, {"/dashboard", "统计看板"},
                    {"/extensions", "延期审批"}, {"/tasks", "整改任务"}, {"/notices", "预警通知"}};
    }
    return {};
}

// An inspector starts from the rounds it works on, a leader from the dashboard, an admin from the
// users it manages, a unit from its tasks.
std::string homeOf(domain::Role role) {
    switch (role) {
        case domain::Role::Inspector: return "/rounds";
        case domain::Role::Leader: return "/dashboard";
        case domain::Role::Admin: return "/users";
        default: return "/tasks";
    }
}

}  // namespace patrol::web
