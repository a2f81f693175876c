// What a missing record reads like, one wording per kind of record. A record the actor may
// not see is refused with the very same error, so the two cannot be told apart.
#pragma once

#include <cstdint>
#include <string>

#include "core/domain/errors.hpp"

namespace patrol::services {

NotFound roundNotFound(const std::string& code);
NotFound unitNotFound(const std::string& code);
NotFound userNotFound(const std::string& name);
NotFound findingNotFound(int64_t id);
NotFound findingNotFound(const std::string& typed);  // a number as typed in a path
NotFound taskNotFound(int64_t id);
NotFound taskNotFound(const std::string& typed);  // a number as typed in a path
NotFound clueNotFound(int64_t id);
NotFound clueNotFound(const std::string& typed);  // a number as typed in a path
NotFound evidenceNotFound(int64_t id);
NotFound evidenceNotFound(const std::string& typed);  // a number as typed in a path
NotFound attachmentNotFound(int64_t id);                  // proof kept with a finding (取证材料)
NotFound attachmentNotFound(const std::string& typed);  // a number as typed in a path

}  // namespace patrol::services
