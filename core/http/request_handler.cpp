#include "core/http/request_handler.hpp"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>

#include "core/domain/errors.hpp"
#include "core/http/access_log.hpp"
#include "core/http/credentials.hpp"
#include "core/http/error_reply.hpp"
#include "core/http/exchange.hpp"
#include "core/http/reply_wire.hpp"
#include "core/http/request_target.hpp"

namespace patrol::http {

namespace {

Reply errorAnswer(const ErrorReply& error) {
    Reply reply;
    reply.status = error.status;
    reply.body = errorBody(error);
    if (error.status == 503) reply.headers.emplace_back("Retry-After", std::to_string(kRetryAfterSeconds));
    if (error.status == 401) reply.headers.emplace_back("WWW-Authenticate", "Bearer");
    return reply;
}

std::string pathOf(const Poco::Net::HTTPServerRequest& request) {
    try {
        return Poco::URI(request.getURI()).getPath();
    } catch (const Poco::Exception&) {
        return request.getURI();
    }
}

Reply noRoute(const RouteMatch& match) {
    if (match.allowedMethods.empty())
        return errorAnswer({404, "not_found", "没有这个接口。请查阅 docs/api.md 中的接口列表。", {}});
    std::string allowed;
    for (const auto& m : match.allowedMethods) allowed += (allowed.empty() ? "" : ", ") + m;
    Reply reply = errorAnswer({405, "method_not_allowed", "这个接口不接受该请求方法，只接受：" + allowed + "。", {}});
    reply.headers.emplace_back("Allow", allowed);
    return reply;
}

// Runs the route; every refusal becomes its error answer. `user` is filled once known.
Reply answer(const Router& router, const ServerContext& context, Poco::Net::HTTPServerRequest& request,
             const std::string& path, std::string& user) {
    try {
        checkRequestTarget(request.getURI());
        const auto match = router.match(request.getMethod(), path);
        if (!match.route) return noRoute(match);
        auto lease = context.connections->acquire();
        Exchange exchange(request, context, lease.db(), match.params);
        if (auto actor = authenticate(exchange, match.route->access == Access::SignedIn)) {
            user = actor->name;
            exchange.setActor(std::move(*actor));
        } else if (match.route->access == Access::SignedIn) {
            return errorAnswer({401, "unauthenticated", "未登录或登录已失效：请先登录，或在 Authorization 头中提供有效的令牌（Bearer）。", {}});
        }
        return match.route->handler(exchange);
    } catch (const HttpRefusal& e) {
        return errorAnswer(errorReplyOf(e));
    } catch (const UserError& e) {
        if (e.kind() == ErrorKind::Busy) logBusy(request.getMethod(), path, e.what());
        return errorAnswer(errorReplyOf(e));
    } catch (const Poco::Net::MessageException& e) {
        return errorAnswer({400, "malformed_request", "请求格式不完整或有误（" + e.message() + "），未作任何改动。", {}});
    } catch (const Poco::Exception& e) {
        logFailure(request.getMethod(), path, e.displayText());
        return errorAnswer(internalErrorReply());
    } catch (const std::exception& e) {
        logFailure(request.getMethod(), path, e.what());
        return errorAnswer(internalErrorReply());
    }
}

// Sends all of `bytes`, however many sends the socket takes for it.
void sendWholeWire(Poco::Net::StreamSocket& socket, const std::string& bytes) {
    const char* next = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const int sent = socket.sendBytes(next, static_cast<int>(std::min<std::size_t>(left, 1 << 30)));
        if (sent <= 0) throw Poco::Net::ConnectionResetException("the client closed the connection");
        next += sent;
        left -= static_cast<std::size_t>(sent);
    }
}

void send(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const Reply& reply, bool headOnly) {
    auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
    if (!reply.send && impl) {
        // Held whole: head and body leave in one send (reply_wire.hpp). The response object still
        // learns whether the connection stays open, which the server's loop asks it afterwards.
        const HeadStart start = headStartOf(response);
        if (reply.status >= 400) response.setKeepAlive(false);
        sendWholeWire(impl->socket(), replyWire(start, reply, headOnly));
        return;
    }
    applyReplyHead(response, reply);
    if (reply.send) {
        response.setChunkedTransferEncoding(true);
        reply.send(response.send());
        return;
    }
    // Written and flushed here, not left in a buffer until the handler returns: a refused
    // request's body is drained afterwards, and the client must have its answer meanwhile.
    response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
    std::ostream& out = response.send();
    if (!headOnly) out.write(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
    out.flush();
}

// After a refusal the rest of the body may still be on its way: closing with it unread would
// reset the connection, and a client still sending would see the reset instead of the answer.
// So read and drop it: at most a few seconds, and twice the allowed body size (16 MiB at least).
void drainBody(Poco::Net::HTTPServerRequest& request, int64_t bodyLimit) {
    const int64_t maxBytes = std::max<int64_t>(2 * bodyLimit, int64_t(16) << 20);
    const bool hasBody = (request.hasContentLength() && request.getContentLength64() > 0) || request.getChunkedTransferEncoding();
    if (!hasBody) return;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    // A client that has stopped sending (it waits for the answer) is let go after a second.
    if (auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request)) impl->socket().setReceiveTimeout(Poco::Timespan(1, 0));
    char buffer[65536];
    int64_t drained = 0;
    try {
        std::istream& in = request.stream();
        while (in && drained <= maxBytes && std::chrono::steady_clock::now() < deadline) {
            in.read(buffer, sizeof buffer);
            drained += in.gcount();
        }
    } catch (...) {
        // The client went away: nothing left to protect.
    }
}

}  // namespace

void RequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    const auto started = std::chrono::steady_clock::now();
    const std::string path = pathOf(request);
    std::string user = "-";
    const Reply reply = answer(router_, context_, request, path, user);
    int status = reply.status;
    try {
        send(request, response, reply, request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD);
    } catch (const Poco::Exception& e) {
        logFailure(request.getMethod(), path, "sending the answer: " + e.displayText());
        status = 0;
    } catch (const std::exception& e) {
        logFailure(request.getMethod(), path, std::string("sending the answer: ") + e.what());
        status = 0;
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    logAccess(user, request.getMethod(), path, status, ms);
    if (status >= 400) drainBody(request, context_.maxBodyBytes);
}

}  // namespace patrol::http
