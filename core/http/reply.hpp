// What a handler answers: a status and a JSON body, or a stored file streamed to the client.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace patrol::http {

struct Reply {
    int status = 200;
    std::string contentType = "application/json; charset=utf-8";
    std::string body;                                          // when `send` is empty
    std::function<void(std::ostream&)> send;                   // streams a body (files)
    std::vector<std::pair<std::string, std::string>> headers;  // extra response headers

    static Reply json(const Poco::JSON::Object::Ptr& object, int status = 200);
    static Reply json(const Poco::JSON::Array::Ptr& array, int status = 200);
    // A JSON body already written out (a kept answer).
    static Reply jsonText(std::string body, int status = 200);
    static Reply empty(int status = 204);
    // The file at `path` streamed as a download named `fileName`.
    static Reply download(const std::string& path, const std::string& fileName);
    // A file made for this request, held whole, sent as a download named `fileName`.
    static Reply attachment(std::string bytes, const std::string& contentType, const std::string& fileName);
};

// Content-Disposition of a download: attachment; filename="<ASCII only>";
// filename*=UTF-8''<percent-encoded>: quotes, slashes and control characters can never reach
// the header or the user's disk as such.
std::string attachmentDisposition(const std::string& fileName);

}  // namespace patrol::http
