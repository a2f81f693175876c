#include "http_call.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <sstream>

namespace patrol::testing {

HttpAnswer call(int port, const HttpRequest& request) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest req(request.method, request.path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!request.token.empty()) req.set("Authorization", "Bearer " + request.token);
    for (const auto& [k, v] : request.headers) req.set(k, v);
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH" ||
        request.method == "DELETE") {
        if (!request.body.empty()) req.setContentType(request.contentType);
        req.setContentLength(static_cast<std::streamsize>(request.body.size()));
    }
    session.sendRequest(req) << request.body;
    Poco::Net::HTTPResponse res;
    std::istream& in = session.receiveResponse(res);
    HttpAnswer answer;
    answer.status = res.getStatus();
    std::ostringstream body;
    Poco::StreamCopier::copyStream(in, body);
    answer.body = body.str();
    for (const auto& [k, v] : res) answer.headers[k] = v;
    return answer;
}

HttpAnswer get(int port, const std::string& path, const std::string& token) { return call(port, {"GET", path, token}); }

HttpAnswer post(int port, const std::string& path, const std::string& token, const std::string& json) {
    return call(port, {"POST", path, token, json});
}

}  // namespace patrol::testing
