// The HTTP(S) server of `patrol serve`: a pool of threads answering requests through the
// router; stop() lets requests in flight finish before it returns.
#pragma once

#include <memory>
#include <string>

#include "core/http/router.hpp"
#include "core/http/server_context.hpp"
#include "core/http/server_options.hpp"

namespace Poco::Net {
class HTTPServer;
}
namespace Poco {
class ThreadPool;
}

namespace patrol::http {

class ApiServer {
public:
    ApiServer(const ServerOptions& options, ServerContext& context, const Router& router);
    ~ApiServer();

    void start();
    // e.g. "http://127.0.0.1:8080/" with the port actually bound.
    std::string url() const;
    // Stops accepting, lets requests in flight finish (up to the timeout), then returns.
    void stop();

private:
    ServerOptions options_;
    std::unique_ptr<Poco::ThreadPool> threads_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace patrol::http
