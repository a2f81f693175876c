// Records as JSON objects with stable English keys: the before/after of audit events and the
// machine-readable form of `show` commands. Secrets (token salt and hash) never appear.
#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

#include "core/store/finding_repository.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/unit_repository.hpp"
#include "core/store/user_repository.hpp"

namespace patrol::services {

// An empty object whose keys keep the order they are set in.
Poco::JSON::Object::Ptr jsonObject();

// The value, or JSON null when there is none.
template <typename T>
Poco::Dynamic::Var orNull(const std::optional<T>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr unitJson(const store::UnitRecord& unit);
Poco::JSON::Object::Ptr userJson(const store::UserRecord& user);
Poco::JSON::Object::Ptr roundJson(const store::RoundRecord& round);
Poco::JSON::Object::Ptr findingJson(const store::FindingRecord& finding);

// Compact text of a JSON object, UTF-8 kept as is.
std::string jsonText(const Poco::JSON::Object::Ptr& object);

}  // namespace patrol::services
