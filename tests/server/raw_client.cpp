#include "raw_client.hpp"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>

#include <chrono>
#include <sstream>
#include <stdexcept>

namespace patrol::testing {

RawClient::RawClient(int port) {
    socket_.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)), Poco::Timespan(5, 0));
}

void RawClient::send(const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) sent += static_cast<size_t>(socket_.sendBytes(bytes.data() + sent, static_cast<int>(bytes.size() - sent)));
}

void RawClient::finishSending() { socket_.shutdownSend(); }

std::string RawClient::readToClose(int seconds) {
    std::string received;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    char buffer[8192];
    socket_.setReceiveTimeout(Poco::Timespan(0, 200000));
    while (std::chrono::steady_clock::now() < deadline) {
        try {
            const int n = socket_.receiveBytes(buffer, sizeof buffer);
            if (n <= 0) break;
            received.append(buffer, static_cast<size_t>(n));
        } catch (const Poco::TimeoutException&) {
        } catch (const Poco::Net::ConnectionResetException&) {
            break;
        }
    }
    return received;
}

double RawClient::secondsUntilClosed(int seconds) {
    const auto start = std::chrono::steady_clock::now();
    char buffer[8192];
    socket_.setReceiveTimeout(Poco::Timespan(0, 200000));
    while (std::chrono::steady_clock::now() < start + std::chrono::seconds(seconds)) {
        try {
            if (socket_.receiveBytes(buffer, sizeof buffer) <= 0) break;
        } catch (const Poco::TimeoutException&) {
            continue;
        } catch (const Poco::Net::ConnectionResetException&) {
            break;
        }
    }
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return elapsed >= seconds ? -1 : elapsed;
}

void RawClient::close() { socket_.close(); }

namespace {

std::string dechunked(const std::string& body) {
    std::string out;
    size_t at = 0;
    while (at < body.size()) {
        const size_t eol = body.find("\r\n", at);
        if (eol == std::string::npos) break;
        const size_t size = std::stoul(body.substr(at, eol - at), nullptr, 16);
        if (size == 0) break;
        out += body.substr(eol + 2, size);
        at = eol + 2 + size + 2;
    }
    return out;
}

}  // namespace

HttpAnswer parseAnswer(const std::string& raw) {
    HttpAnswer answer;
    const size_t headEnd = raw.find("\r\n\r\n");
    if (raw.rfind("HTTP/1.", 0) != 0 || headEnd == std::string::npos) throw std::runtime_error("not an HTTP answer: " + raw);
    std::istringstream head(raw.substr(0, headEnd));
    std::string line;
    std::getline(head, line);
    answer.status = std::stoi(line.substr(9, 3));
    while (std::getline(head, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        answer.headers[line.substr(0, colon)] = line.substr(line.find_first_not_of(' ', colon + 1));
    }
    answer.body = raw.substr(headEnd + 4);
    if (answer.header("Transfer-Encoding") == "chunked") answer.body = dechunked(answer.body);
    return answer;
}

std::string requestHead(const std::string& method, const std::string& path, const std::vector<std::string>& headers) {
    std::string head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& h : headers) head += h + "\r\n";
    return head + "\r\n";
}

}  // namespace patrol::testing
