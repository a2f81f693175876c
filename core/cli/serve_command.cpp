// `patrol serve`: the HTTP front door (JSON API under /api/v1, web pages elsewhere) on the
// configured database. Only its options live here; the server itself is in the serve module,
// loaded when the command runs (core/serve/serve_module.hpp says why).
#include <string>

#include "core/cli/app.hpp"
#include "core/serve/serve_module.hpp"
#include "core/services/install_paths.hpp"
#include "core/services/module_entry.hpp"

namespace patrol::cli {
namespace {

PatrolServeEntry loadServeModule() {
    return reinterpret_cast<PatrolServeEntry>(
        services::moduleEntry(services::serveModulePath(), PATROL_SERVE_ENTRY, "HTTP 服务"));
}

int runServe(Invocation& inv) {
    return loadServeModule()(inv.args, inv.err);
}

const Registration serveRegistration{CommandSpec{
    {"serve"},
    "启动 HTTP 服务（网页和 JSON 接口 /api/v1），供各单位、巡察组和领导在各自电脑或手机上使用",
    {{"address", "ADDR", "监听地址（默认 server.address，127.0.0.1）"}, {"port", "PORT", "监听端口（默认 server.port，8080；0 表示任选空闲端口）"}},
    "", 0, 0,
    "  patrol serve\n  patrol serve --address 0.0.0.0 --port 8443   # 需在配置中设置 server.tls.certificate 和 server.tls.key\n",
    runServe}};

}  // namespace
}  // namespace patrol::cli
