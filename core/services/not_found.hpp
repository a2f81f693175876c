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
NotFound taskNotFound(int64_t id);
NotFound clueNotFound(int64_t id);
NotFound evidenceNotFound(int64_t id);

}  // namespace patrol::services
