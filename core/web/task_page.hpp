// The task page (GET /tasks/{id}) and the forms on it: the finding as fed back, the plan, the
// progress report with evidence, submission, the extension request, and the full history.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/http/exchange.hpp"
#include "core/http/reply.hpp"
#include "core/web/web_assets.hpp"

namespace patrol::web {

// A form the server refused: shown again with what was typed and the message next to the
// field to blame (or above the form when no one field is).
struct RefusedForm {
    std::string form;  // "plan", "progress", "submit", "extension"
    std::map<std::string, std::string> values;
    std::string field;
    std::string message;
    int status = 422;
};

http::Reply taskPage(const WebAssets& assets, http::Exchange& ex, int64_t taskId, const RefusedForm* refused = nullptr);

}  // namespace patrol::web
