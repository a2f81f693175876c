// GET /evidence/{id}: a stored evidence file, to those who may see what it proves; to anyone
// else, and for a file that does not exist, the same "not found" page as any other record.
#include "core/services/evidence_location.hpp"
#include "core/services/evidence_service.hpp"
#include "core/services/not_found.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

void addEvidenceDownload(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/evidence/{id}", signedInPage(assets, [](http::Exchange& ex) {
        const int64_t id = ex.idParam("id", services::evidenceNotFound);
        const services::EvidenceStore store = services::evidenceStoreOf(ex.settings());
        const auto file = services::openEvidence(ex.db(), ex.actor(), id, store);
        return http::Reply::download(file.path, file.record.originalName);
    }), http::Access::Anyone);
}

}  // namespace patrol::web
