// How every refusal is answered: {"error": {"code", "message", "field"}} with the status its
// kind maps to. What a user may not see is a NotFound from the service, so it is answered
// byte for byte like a record that does not exist.
#pragma once

#include <string>

#include "core/domain/errors.hpp"
#include "core/http/http_refusal.hpp"

namespace patrol::http {

struct ErrorReply {
    int status = 500;
    std::string code;     // stable, English, for programs: "not_found", "conflict", ...
    std::string message;  // Chinese, for people
    std::string field;    // the offending input field, when one is to blame
};

ErrorReply errorReplyOf(const UserError& error);
ErrorReply errorReplyOf(const HttpRefusal& refusal);
// Nothing about the cause leaves the server: it is logged, the user gets a generic sentence.
ErrorReply internalErrorReply();

std::string errorBody(const ErrorReply& reply);

// Seconds a client should wait before retrying after a 503 (the store stayed busy).
inline constexpr int kRetryAfterSeconds = 1;

}  // namespace patrol::http
