// The body of `patrol serve`, built into the serve module (see serve_module.hpp): the HTTP front
// door (JSON API under /api/v1, web pages elsewhere) on the configured database.
#include <malloc.h>
#include <pthread.h>

#include <csignal>

#include <cstdlib>
#include <iostream>

#include "core/api/api_routes.hpp"
#include "core/cli/app.hpp"
#include "core/cli/session.hpp"
#include "core/http/api_server.hpp"
#include "core/serve/serve_module.hpp"
#include "core/services/install_paths.hpp"
#include "core/services/open_database.hpp"
#include "core/store/clock.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::cli {
namespace {

// SIGINT and SIGTERM are blocked in every thread (they inherit the mask) and taken here by
// sigwait, so a stop request is handled in plain code, never inside a signal handler.
sigset_t stopSignals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

int runServe(Invocation& inv) {
    if (const char* fixed = std::getenv(store::kFixedTodayVariable); fixed && *fixed)
        inv.err << "注意：服务器按本机时钟计日，已忽略环境变量 " << store::kFixedTodayVariable << "=" << fixed << "。\n";
    store::useMachineClockOnly();
    const auto options = http::serverOptions(inv.app.settings(), inv.args.value("address"), inv.args.value("port"));
    openExistingDatabase(inv);  // checks, and upgrades once, before any request

    // Each request allocates and frees a few hundred kilobytes; without this glibc hands the
    // memory back to the system after every request and faults it in again on the next one.
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);

    const sigset_t signals = stopSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    http::ServerContext context{inv.app.settings(),
                                std::make_unique<store::ConnectionPool>(inv.app.databasePath(), services::busyTimeoutMs(inv.app.settings()))};
    if (options.groupCommit) context.groupCommit = std::make_unique<store::GroupCommit>();
    // Read before listening: a build or install without its page files stops here, not on a request.
    const auto webAssets = web::WebAssets::load(services::shippedWebDir());
    http::Router router = api::apiRouter();
    web::addWebRoutes(router, webAssets);
    http::ApiServer server(options, context, router);
    server.start();
    inv.err << "patrol serve 正在监听 " << server.url() << "（数据库 " << inv.app.databasePath() << "，" << options.threads
            << " 个工作线程）。按 Ctrl+C 停止。" << std::endl;
    int signal = 0;
    sigwait(&signals, &signal);
    inv.err << "收到停止信号，正在等待处理中的请求完成……" << std::endl;
    server.stop();
    inv.err << "patrol serve 已停止。" << std::endl;
    return 0;
}

}  // namespace
}  // namespace patrol::cli

extern "C" int patrol_serve_main(const patrol::cli::ParsedArgs& args, std::ostream& err) {
    // The settings are read again here, into this module's own copy of the services layer.
    patrol::cli::AppContext app(args);
    patrol::cli::Invocation invocation{args, app, std::cout, err};
    return patrol::cli::runServe(invocation);
}
