#include "core/api/api_routes.hpp"

namespace patrol::api {

http::Router apiRouter() {
    http::Router router;
    addSessionRoutes(router);
    addMeRoutes(router);
    addTaskRoutes(router);
    addEvidenceRoutes(router);
    addRoundRoutes(router);
    addFindingRoutes(router);
    addAttachmentRoutes(router);
    addCheckRoutes(router);
    addNoticeRoutes(router);
    addClueRoutes(router);
    addUnitRoutes(router);
    addUserRoutes(router);
    return router;
}

}  // namespace patrol::api
