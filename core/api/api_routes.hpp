// The JSON API under /api/v1 (docs/api.md): every endpoint calls the same use cases as the CLI,
// so roles, visibility and audit are decided once, in the services.
#pragma once

#include "core/http/router.hpp"

namespace patrol::api {

void addMeRoutes(http::Router& router);
void addSessionRoutes(http::Router& router);
void addTaskRoutes(http::Router& router);
void addEvidenceRoutes(http::Router& router);
void addRoundRoutes(http::Router& router);
void addFindingRoutes(http::Router& router);
void addAttachmentRoutes(http::Router& router);
void addCheckRoutes(http::Router& router);
void addNoticeRoutes(http::Router& router);
void addClueRoutes(http::Router& router);
void addUnitRoutes(http::Router& router);
void addUserRoutes(http::Router& router);

// Every route of the API.
http::Router apiRouter();

}  // namespace patrol::api
