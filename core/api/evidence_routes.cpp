// GET /api/v1/evidence/{id}: the stored file, to those who may see its task.
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include "core/api/api_routes.hpp"
#include "core/http/exchange.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/evidence_service.hpp"
#include "core/services/not_found.hpp"
#include "core/services/workflow_settings.hpp"

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

http::Reply download(http::Exchange& ex) {
    const int64_t id = ex.idParam("id", services::evidenceNotFound);
    const auto workflow = services::readWorkflowSettings(ex.settings());
    const services::EvidenceStore store(services::evidenceFolder(ex.settings()), workflow.evidenceMaxBytes,
                                        services::legacyEvidenceFolder(ex.settings()));
    const auto file = services::openEvidence(ex.db(), ex.actor(), id, store);
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

}  // namespace

void addEvidenceRoutes(http::Router& router) { router.add("GET", "/api/v1/evidence/{id}", download); }

}  // namespace patrol::api
