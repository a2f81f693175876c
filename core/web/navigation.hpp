// The entries of the header's navigation, per role: each role's pages are listed here.
#pragma once

#include <string>
#include <vector>

#include "core/domain/role.hpp"

namespace patrol::web {

struct NavEntry {
    std::string href;
    std::string label;
};

std::vector<NavEntry> navigationFor(domain::Role role);
// Where "/" takes a signed-in user.
std::string homeOf(domain::Role role);

}  // namespace patrol::web
