// GET /static/{name}: the styles and scripts shipped under web/static, from memory.
#include "core/web/page_guard.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

void addStaticFiles(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/static/{name}", openPage(assets, [&assets](http::Exchange& ex) {
        const StaticFile* file = assets.staticFile(ex.param("name"));
        if (!file) return notFoundPage(assets, ex);
        http::Reply reply;
        reply.contentType = file->contentType;
        reply.body = file->body;
        return reply;
    }), http::Access::Anyone);
}

}  // namespace patrol::web
