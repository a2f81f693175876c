#include "core/web/navigation.hpp"

namespace patrol::web {

std::vector<NavEntry> navigationFor(domain::Role role) {
    switch (role) {
        case domain::Role::Unit: return {{"/tasks", "我的整改任务"}};
        case domain::Role::Inspector: return {{"/rounds", "我的巡察轮次"}, {"/tasks", "整改任务"}};
        case domain::Role::Leader:
        case domain::Role::Admin: return {{"/rounds", "巡察轮次"}, {"/tasks", "整改任务"}};
    }
    return {};
}

// An inspector starts from the rounds it works on; the others from the tasks.
std::string homeOf(domain::Role role) { return role == domain::Role::Inspector ? "/rounds" : "/tasks"; }

}  // namespace patrol::web
