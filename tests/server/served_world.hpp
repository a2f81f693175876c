// The security tests' county (security/hidden_world.hpp) with a bearer token for each kind of
// caller the server must tell apart, and `patrol serve` on its database file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "security/hidden_world.hpp"

namespace patrol::testing {

// Who calls: the rows of the role × endpoint matrix.
enum class Caller { Admin, Leader, Inspector, OtherInspector, UnitA, UnitB, Anonymous, Revoked };
const std::vector<Caller>& allCallers();
std::string callerName(Caller caller);

struct ServedWorld : security::HiddenWorld {
    ServedWorld();
    // The bearer token of `caller`; empty for Anonymous.
    std::string token(Caller caller) const;
    std::string path() const { return (dir / "p.db").string(); }

    std::map<Caller, std::string> tokens;
};

}  // namespace patrol::testing
