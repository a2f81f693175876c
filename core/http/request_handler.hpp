// Answers one request: route, connection, credentials, handler, and every refusal mapped to its
// status with the same JSON error body; logs the access line.
#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "core/http/router.hpp"
#include "core/http/server_context.hpp"

namespace patrol::http {

class RequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    RequestHandler(const Router& router, const ServerContext& context) : router_(router), context_(context) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    const Router& router_;
    const ServerContext& context_;
};

class RequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    RequestHandlerFactory(const Router& router, const ServerContext& context) : router_(router), context_(context) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new RequestHandler(router_, context_);
    }

private:
    const Router& router_;
    const ServerContext& context_;
};

}  // namespace patrol::http
