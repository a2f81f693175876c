#include "core/web/navigation.hpp"

namespace patrol::web {

std::vector<NavEntry> navigationFor(domain::Role role) {
    switch (role) {
        case domain::Role::Unit: return {{"/tasks", "我的整改任务"}};
        case domain::Role::Inspector:
        case domain::Role::Leader:
        case domain::Role::Admin: return {{"/tasks", "整改任务"}};
    }
    return {};
}

std::string homeOf(domain::Role) { return "/tasks"; }

}  // namespace patrol::web
