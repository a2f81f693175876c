// /api/v1/findings/{id}/attachments: proof kept with a finding (取证), through the same use cases
// as `patrol finding attach` and `finding show`. A unit user sees none and downloads none.
#include <Poco/JSON/Array.h>

#include "core/api/api_routes.hpp"
#include "core/http/exchange.hpp"
#include "core/http/multipart_form.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/finding_attachments.hpp"
#include "core/services/not_found.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"
#include "core/services/workflow_settings.hpp"

namespace patrol::api {

namespace {

services::EvidenceStore evidenceStore(const http::Exchange& ex) { return services::evidenceStoreOf(ex.settings()); }

http::Reply items(const std::vector<store::EvidenceRecord>& records, int status = 200) {
    auto answer = services::jsonObject();
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& e : records) list->add(services::evidenceView(e));
    answer->set("items", list);
    return http::Reply::json(answer, status);
}

http::Reply listAttachments(http::Exchange& ex) {
    const int64_t id = ex.idParam("id", services::findingNotFound);
    return items(services::findingAttachments(ex.db(), ex.actor(), id));
}

// multipart/form-data with one or more "file" parts; answers 201 {"items": [the new attachments]}.
http::Reply attach(http::Exchange& ex) {
    const int64_t id = ex.idParam("id", services::findingNotFound);
    const auto store = evidenceStore(ex);
    const auto workflow = services::readWorkflowSettings(ex.settings());
    auto form = http::MultipartForm::read(ex, store.folder(), workflow.evidenceMaxBytes);
    auto& files = form.files("file");
    form.finish();
    std::vector<services::EvidenceUpload> uploads;
    for (auto& f : files) {
        if (f.fileName.empty() && f.size == 0) continue;  // a browser's file picker left empty
        services::EvidenceUpload upload;
        upload.originalName = f.fileName;
        upload.content = &f.content->read();
        upload.declaredSize = f.size;
        uploads.push_back(upload);
    }
    return items(services::attachToFinding(ex.db(), ex.actor(), id, uploads, store), 201);
}

http::Reply downloadAttachment(http::Exchange& ex) {
    const int64_t id = ex.idParam("id", services::findingNotFound);
    const int64_t attachment = ex.idParam("aid", services::attachmentNotFound);
    const auto file = services::openFindingAttachment(ex.db(), ex.actor(), id, attachment, evidenceStore(ex));
    return http::Reply::download(file.path, file.record.originalName);
}

}  // namespace

void addAttachmentRoutes(http::Router& router) {
    router.add("GET", "/api/v1/findings/{id}/attachments", listAttachments);
    router.add("POST", "/api/v1/findings/{id}/attachments", attach);
    router.add("GET", "/api/v1/findings/{id}/attachments/{aid}", downloadAttachment);
}

}  // namespace patrol::api
