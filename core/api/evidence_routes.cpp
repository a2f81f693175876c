// GET /api/v1/evidence/{id}: the stored file, to those who may see its task.
#include "core/api/api_routes.hpp"
#include "core/http/exchange.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/evidence_service.hpp"
#include "core/services/not_found.hpp"

namespace patrol::api {

namespace {

http::Reply downloadEvidence(http::Exchange& ex) {
    const int64_t id = ex.idParam("id", services::evidenceNotFound);
    const services::EvidenceStore store = services::evidenceStoreOf(ex.settings());
    const auto file = services::openEvidence(ex.db(), ex.actor(), id, store);
    return http::Reply::download(file.path, file.record.originalName);
}

}  // namespace

void addEvidenceRoutes(http::Router& router) { router.add("GET", "/api/v1/evidence/{id}", downloadEvidence); }

}  // namespace patrol::api
