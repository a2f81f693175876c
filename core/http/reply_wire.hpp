// A reply held whole (not streamed), written out as the bytes that go on the connection: status
// line, headers, blank line, body, so that it leaves in one send.
//
// Poco's response object writes the head, counting it first by writing it once more, and then the
// body through a 4 KiB stream: one send per 4 KiB, seven for a unit contact's page of tasks, each
// pushed as its own segment (TCP_NODELAY) and each able to wake the client for a part of the
// answer. With two cores shared by every handler thread, those extra wake-ups and the per-byte
// stream work are what a busy list request waits behind.
//
// The head is the same bytes Poco writes for the same reply: replyHeadPlainly is that reference,
// filled and written by Poco itself, and tests/server/reply_wire_test.cpp compares the two.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/http/reply.hpp"

namespace Poco::Net {
class HTTPResponse;
}

namespace patrol::http {

using HeaderLines = std::vector<std::pair<std::string, std::string>>;

// What the head holds before the handler's reply is applied: the protocol version of the request
// and the headers the server set on the response first (Date, Connection), in their order.
struct HeadStart {
    std::string version;
    HeaderLines headers;
};

// The head's start as `response` holds it now.
HeadStart headStartOf(const Poco::Net::HTTPResponse& response);

// Status line, headers and blank line for `reply` (with Content-Length), then the body unless
// `headOnly` (a HEAD request: the length of the body it would have had, and no body).
std::string replyWire(const HeadStart& start, const Reply& reply, bool headOnly);

// Fills `response` with the reply's status and headers, as every answer carries them; a refusal
// closes the connection afterwards (its body may be partly unread).
void applyReplyHead(Poco::Net::HTTPResponse& response, const Reply& reply);

// The reference: Poco's own head for `reply` on a response that holds `start`.
std::string replyHeadPlainly(const HeadStart& start, const Reply& reply);

}  // namespace patrol::http
