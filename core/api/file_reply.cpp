#include "core/api/file_reply.hpp"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

namespace patrol::api {

namespace {

// attachment; filename="<ASCII only>"; filename*=UTF-8''<percent-encoded>: quotes, slashes and
// control characters can never reach the header or the user's disk as such.
std::string contentDisposition(const std::string& name) {
    std::string ascii;
    for (const unsigned char c : name) ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/') ? static_cast<char>(c) : '_';
    std::string encoded;
    Poco::URI::encode(name, "!#$&+,/:;=?@[]\"'()*<>\\%{}|^` ", encoded);
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

http::Reply fileDownload(const services::EvidenceFile& file) {
    http::Reply reply;
    reply.contentType = "application/octet-stream";
    reply.headers.emplace_back("Content-Disposition", contentDisposition(file.record.originalName));
    const std::string path = file.path;
    reply.send = [path](std::ostream& out) {
        Poco::FileInputStream in(path);
        Poco::StreamCopier::copyStream(in, out);
    };
    return reply;
}

}  // namespace patrol::api
