// One request as a handler sees it: path parameters, query, the body (read within the limits),
// the signed-in actor and a database connection of its own.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/domain/errors.hpp"
#include "core/http/json_fields.hpp"
#include "core/http/server_context.hpp"
#include "core/services/actor.hpp"
#include "core/store/database.hpp"

namespace patrol::http {

// JSON bodies never need more than this; larger ones are refused before they are read.
inline constexpr int64_t kMaxJsonBodyBytes = 1 << 20;

class Exchange {
public:
    Exchange(Poco::Net::HTTPServerRequest& request, const ServerContext& context, store::Database& db,
             std::map<std::string, std::string> params);

    const std::string& method() const { return request_.getMethod(); }
    const std::string& path() const { return path_; }
    Poco::Net::HTTPServerRequest& request() { return request_; }
    const ServerContext& context() const { return context_; }
    const services::Settings& settings() const { return context_.settings; }
    store::Database& db() { return db_; }
    // Runs a write that makes its own Transaction: in a shared batch when the server commits in
    // groups (it may run on another request's connection and thread, and this returns after the
    // COMMIT), else right here on db(). Refusals come back as thrown.
    void writeTogether(const store::GroupCommit::Write& write);
    std::string clientAddress() const;

    // A path parameter; `idParam` refuses anything but a positive integer with what
    // `notFound` makes of the text typed, the same answer a missing record gets.
    const std::string& param(const std::string& name) const;
    int64_t idParam(const std::string& name, NotFound (*notFound)(const std::string& typed)) const;
    std::optional<std::string> query(const std::string& name) const;
    bool queryFlag(const std::string& name) const;

    // The JSON body (Content-Type application/json, at most kMaxJsonBodyBytes). An absent body
    // reads as {} so endpoints with only optional fields can be called without one.
    JsonFields json();

    // The body as received, at most `limit` bytes; TooLarge past it (announced or not).
    std::string readBody(int64_t limit);

    void setActor(services::Actor actor) { actor_ = std::move(actor); }
    bool signedIn() const { return actor_.has_value(); }
    const services::Actor& actor() const;
    // The CSRF token of the browser session the request came with (none for bearer tokens):
    // pages put it in their forms, and the web layer checks it on every form it takes.
    void setCsrfToken(std::string token) { csrfToken_ = std::move(token); }
    const std::optional<std::string>& csrfToken() const { return csrfToken_; }

private:
    Poco::Net::HTTPServerRequest& request_;
    const ServerContext& context_;
    store::Database& db_;
    std::map<std::string, std::string> params_;
    std::map<std::string, std::string> query_;
    std::string path_;
    std::optional<services::Actor> actor_;
    std::optional<std::string> csrfToken_;
};

}  // namespace patrol::http
