#include "core/http/reply_wire.hpp"

#include <Poco/Net/HTTPResponse.h>
#include <Poco/String.h>

#include <array>
#include <sstream>
#include <string_view>

namespace patrol::http {

namespace {

// Pages run only the server's own scripts and styles, are never framed and do not leak their
// addresses (task numbers) to other sites; JSON answers carry the same, harmlessly.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kEveryAnswerHeaders{{
    {"X-Content-Type-Options", "nosniff"},
    {"Cache-Control", "no-store"},
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
     "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "same-origin"},
}};

bool sameHeaderName(const std::string& a, const std::string& b) { return a.size() == b.size() && Poco::icompare(a, b) == 0; }

// Poco's `add`: a header goes after the run of headers of its name (in any case) that starts at
// the first of them, else last.
void addHeaderLine(HeaderLines& lines, const std::pair<std::string, std::string>& line) {
    auto at = lines.begin();
    while (at != lines.end() && !sameHeaderName(at->first, line.first)) ++at;
    while (at != lines.end() && sameHeaderName(at->first, line.first)) ++at;
    lines.insert(at, line);
}

// Poco's `set`: the first header of that name (in any case) takes the value, keeping its place
// and spelling; a new name goes last.
void setHeaderLine(HeaderLines& lines, std::string_view name, std::string value) {
    const std::string wanted(name);
    for (auto& [have, old] : lines)
        if (sameHeaderName(have, wanted)) {
            old = std::move(value);
            return;
        }
    lines.emplace_back(std::string(name), std::move(value));
}

}  // namespace

HeadStart headStartOf(const Poco::Net::HTTPResponse& response) {
    HeadStart start;
    start.version = response.getVersion();
    for (const auto& [name, value] : response) start.headers.emplace_back(name, value);
    return start;
}

void applyReplyHead(Poco::Net::HTTPResponse& response, const Reply& reply) {
    // With its reason: Poco's setStatus alone leaves the reason at "OK" ("HTTP/1.1 404 OK").
    response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    for (const auto& [name, value] : kEveryAnswerHeaders) response.set(std::string(name), std::string(value));
    for (const auto& [name, value] : reply.headers) response.add(name, value);
    // A refused request may have left part of its body unread: never reuse that connection.
    if (reply.status >= 400) response.setKeepAlive(false);
    if (!reply.contentType.empty()) response.setContentType(reply.contentType);
}

std::string replyWire(const HeadStart& start, const Reply& reply, bool headOnly) {
    HeaderLines lines = start.headers;
    lines.reserve(lines.size() + kEveryAnswerHeaders.size() + reply.headers.size() + 2);
    for (const auto& [name, value] : kEveryAnswerHeaders) setHeaderLine(lines, name, std::string(value));
    for (const auto& line : reply.headers) addHeaderLine(lines, line);
    if (reply.status >= 400) setHeaderLine(lines, Poco::Net::HTTPMessage::CONNECTION, Poco::Net::HTTPMessage::CONNECTION_CLOSE);
    if (!reply.contentType.empty()) setHeaderLine(lines, Poco::Net::HTTPMessage::CONTENT_TYPE, reply.contentType);
    setHeaderLine(lines, Poco::Net::HTTPMessage::CONTENT_LENGTH, std::to_string(reply.body.size()));

    const auto& reason = Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    std::string wire;
    std::size_t size = start.version.size() + reason.size() + 8 + (headOnly ? 0 : reply.body.size());
    for (const auto& [name, value] : lines) size += name.size() + value.size() + 4;
    wire.reserve(size);
    wire.append(start.version).append(" ").append(std::to_string(reply.status)).append(" ").append(reason).append("\r\n");
    for (const auto& [name, value] : lines) wire.append(name).append(": ").append(value).append("\r\n");
    wire.append("\r\n");
    if (!headOnly) wire.append(reply.body);
    return wire;
}

std::string replyHeadPlainly(const HeadStart& start, const Reply& reply) {
    Poco::Net::HTTPResponse response;
    response.setVersion(start.version);
    for (const auto& [name, value] : start.headers) response.add(name, value);
    applyReplyHead(response, reply);
    response.setContentLength64(static_cast<Poco::Int64>(reply.body.size()));
    std::ostringstream out;
    response.write(out);
    return out.str();
}

}  // namespace patrol::http
