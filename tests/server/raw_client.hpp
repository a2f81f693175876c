// A bare TCP connection to a test's server, for what a well-behaved HTTP client never does:
// stop half-way through a request, stall, hang up before the end.
#pragma once

#include <Poco/Net/StreamSocket.h>

#include <string>

#include "http_call.hpp"

namespace patrol::testing {

class RawClient {
public:
    explicit RawClient(int port);
    void send(const std::string& bytes);
    // Half-close: the server reads end-of-stream, the answer can still be read.
    void finishSending();
    // Everything the server sends until it closes the connection, at most `seconds` long.
    std::string readToClose(int seconds = 20);
    // Seconds until the server closes this connection (having sent nothing or something), or
    // -1 when it is still open after `seconds`.
    double secondsUntilClosed(int seconds);
    void close();

private:
    Poco::Net::StreamSocket socket_;
};

// The status, headers and body of one raw HTTP/1.1 answer (Content-Length or chunked).
HttpAnswer parseAnswer(const std::string& raw);

// A request's head with `headers` (each "Name: value") and the blank line.
std::string requestHead(const std::string& method, const std::string& path, const std::vector<std::string>& headers);

}  // namespace patrol::testing
