#include "core/api/api_routes.hpp"

namespace patrol::api {

http::Router apiRouter() {
    http::Router router;
    addMeRoutes(router);
    addTaskRoutes(router);
    addEvidenceRoutes(router);
    return router;
}

}  // namespace patrol::api
