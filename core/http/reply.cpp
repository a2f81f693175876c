#include "core/http/reply.hpp"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sstream>
#include <utility>

namespace patrol::http {

namespace {

template <typename Json>
Reply jsonReply(const Json& value, int status) {
    std::ostringstream out;
    value->stringify(out);
    Reply r;
    r.status = status;
    r.body = out.str();
    return r;
}

}  // namespace

Reply Reply::json(const Poco::JSON::Object::Ptr& object, int status) { return jsonReply(object, status); }

Reply Reply::json(const Poco::JSON::Array::Ptr& array, int status) { return jsonReply(array, status); }

Reply Reply::jsonText(std::string body, int status) {
    Reply r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

std::string attachmentDisposition(const std::string& name) {
    std::string ascii;
    for (const unsigned char c : name) ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/') ? static_cast<char>(c) : '_';
    std::string encoded;
    Poco::URI::encode(name, "!#$&+,/:;=?@[]\"'()*<>\\%{}|^` ", encoded);
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Reply Reply::download(const std::string& path, const std::string& fileName) {
    Reply reply;
    reply.contentType = "application/octet-stream";
    reply.headers.emplace_back("Content-Disposition", attachmentDisposition(fileName));
    reply.send = [path](std::ostream& out) {
        Poco::FileInputStream in(path);
        Poco::StreamCopier::copyStream(in, out);
    };
    return reply;
}

Reply Reply::attachment(std::string bytes, const std::string& contentType, const std::string& fileName) {
    Reply reply;
    reply.contentType = contentType;
    reply.headers.emplace_back("Content-Disposition", attachmentDisposition(fileName));
    reply.body = std::move(bytes);
    return reply;
}

Reply Reply::empty(int status) {
    Reply r;
    r.status = status;
    r.contentType.clear();
    return r;
}

}  // namespace patrol::http
