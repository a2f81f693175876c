// The finding categories a round offers when a finding is entered by hand: those of the check
// plugins the round enables, with the Chinese names their metadata gives (no plugin code runs).
#pragma once

#include <string>
#include <vector>

#include "core/store/round_repository.hpp"

namespace patrol::services {

class Settings;

struct CategoryChoice {
    std::string code;  // stored with the finding, as a check would record it
    std::string name;  // shown
};

// In the order of the round's plugins and of each plugin's categories; a code two plugins share
// is offered once. Empty for a round without plugins (the category is then typed freely).
std::vector<CategoryChoice> roundCategories(const Settings& settings, const store::RoundRecord& round);

}  // namespace patrol::services
