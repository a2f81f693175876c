#include "core/http/error_reply.hpp"

#include <Poco/JSON/Object.h>

#include <sstream>

namespace patrol::http {

namespace {

struct KindAnswer {
    int status;
    const char* code;
};

KindAnswer answerFor(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::InvalidInput: return {422, "invalid_input"};
        case ErrorKind::NotFound: return {404, "not_found"};
        case ErrorKind::Forbidden: return {403, "forbidden"};
        case ErrorKind::Conflict: return {409, "conflict"};
        case ErrorKind::TooLarge: return {413, "too_large"};
        case ErrorKind::Unauthenticated: return {401, "unauthenticated"};
        case ErrorKind::Busy: return {503, "busy"};
    }
    return {500, "internal"};
}

}  // namespace

ErrorReply errorReplyOf(const UserError& error) {
    const auto answer = answerFor(error.kind());
    // The store's words name the database file and the statement: for the operator's log, not
    // for a remote client, who only needs to know that nothing was done and when to retry.
    if (error.kind() == ErrorKind::Busy)
        return {answer.status, answer.code,
                "服务器正忙：数据库正由其他请求写入，本次请求等待后仍未轮到，未作任何改动。请在 " + std::to_string(kRetryAfterSeconds) +
                    " 秒后重试。",
                {}};
    ErrorReply reply{answer.status, answer.code, error.what(), {}};
    if (const auto* invalid = dynamic_cast<const InvalidInput*>(&error)) reply.field = invalid->field();
    return reply;
}

ErrorReply errorReplyOf(const HttpRefusal& refusal) {
    return {refusal.status(), refusal.code(), refusal.what(), refusal.field()};
}

ErrorReply internalErrorReply() {
    return {500, "internal", "服务器内部错误，操作未完成，数据未改动。请稍后重试；如仍出现，请联系系统管理员查看服务器日志。", {}};
}

std::string errorBody(const ErrorReply& reply) {
    Poco::JSON::Object::Ptr error = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    error->set("code", reply.code);
    error->set("message", reply.message);
    if (!reply.field.empty()) error->set("field", reply.field);
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("error", error);
    std::ostringstream out;
    body.stringify(out);
    return out.str();
}

}  // namespace patrol::http
