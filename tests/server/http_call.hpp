// One HTTP request to a test's server on 127.0.0.1, over a fresh connection.
#pragma once

#include <map>
#include <string>

namespace patrol::testing {

struct HttpAnswer {
    int status = 0;
    std::string body = {};
    std::map<std::string, std::string> headers = {};  // sent as they are
    std::string header(const std::string& name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
};

struct HttpRequest {
    std::string method = "GET";
    std::string path;
    std::string token;                           // sent as Authorization: Bearer <token> when not empty
    std::string body = {};
    std::string contentType = "application/json";  // sent when there is a body
    std::map<std::string, std::string> headers = {};  // sent as they are
};

HttpAnswer call(int port, const HttpRequest& request);

// Shorthands.
HttpAnswer get(int port, const std::string& path, const std::string& token = "");
HttpAnswer post(int port, const std::string& path, const std::string& token, const std::string& json);

}  // namespace patrol::testing
