// The round page (GET /rounds/{code}), shared with the admin's forms on it (targets, team, stage):
// a refused form is shown again on the same page with what was typed and the message beside it.
#pragma once

#include <map>
#include <string>

#include "core/http/exchange.hpp"
#include "core/http/reply.hpp"
#include "core/web/web_assets.hpp"

namespace patrol::web {

struct RoundFormOutcome {
    std::string form;  // "targets" | "team" | "advance": the form the message belongs to
    std::map<std::string, std::string> typed;
    std::string message;
    int status = 200;
};

// The round named by the path parameter "code".
http::Reply roundPage(const WebAssets& assets, http::Exchange& ex, const RoundFormOutcome& outcome = {});

}  // namespace patrol::web
