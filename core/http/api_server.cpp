#include "core/http/api_server.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <thread>

#include "core/domain/errors.hpp"
#include "core/http/request_handler.hpp"

namespace patrol::http {

namespace {

Poco::Net::SocketAddress bindAddress(const ServerOptions& o) {
    const std::string host = o.address == "localhost" ? "127.0.0.1" : o.address;
    return Poco::Net::SocketAddress(host, static_cast<Poco::UInt16>(o.port));
}

// Poco's binding constructors also set SO_REUSEPORT, which lets a second server bind the same
// port and silently take half the requests: bind with SO_REUSEADDR only.
Poco::Net::ServerSocket bound(Poco::Net::ServerSocket socket, const ServerOptions& o) {
    socket.bind(bindAddress(o), true, false);
    socket.listen(128);
    return socket;
}

Poco::Net::ServerSocket listen(const ServerOptions& o) {
    try {
        if (!o.tls()) return bound(Poco::Net::ServerSocket(), o);
        Poco::Net::initializeSSL();
        Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, o.tlsKey, o.tlsCertificate, "",
                                                                 Poco::Net::Context::VERIFY_NONE);
        context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                                  Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
        return bound(Poco::Net::SecureServerSocket(context), o);
    } catch (const Poco::Net::SSLException& e) {
        throw InvalidInput("server.tls.certificate", "配置项 server.tls.certificate / server.tls.key",
                           " 指向的证书或私钥无法使用（" + e.displayText() + "）：应为相互匹配的 PEM 格式证书和私钥。");
    } catch (const Poco::Exception& e) {
        throw InvalidInput("port", "监听端口", " " + std::to_string(o.port) + " 在 " + o.address + " 上无法使用（" + e.displayText() +
                                                   "）。端口可能已被其他程序占用：请换一个端口，或先停止占用它的程序。");
    }
}

}  // namespace

ApiServer::ApiServer(const ServerOptions& options, ServerContext& context, const Router& router)
    : options_(options), threads_(std::make_unique<Poco::ThreadPool>(2, options.threads + 2)) {
    context.maxBodyBytes = options.maxBodyBytes;
    context.secure = options.tls();
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(options.threads);
    params->setMaxQueued(256);
    params->setTimeout(Poco::Timespan(options.timeoutSeconds, 0));
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(5, 0));
    params->setServerName("patrol");
    server_ = std::make_unique<Poco::Net::HTTPServer>(new RequestHandlerFactory(router, context), *threads_, listen(options), params);
}

ApiServer::~ApiServer() = default;

void ApiServer::start() { server_->start(); }

std::string ApiServer::url() const {
    const std::string host = options_.address.find(':') != std::string::npos ? "[" + options_.address + "]" : options_.address;
    return std::string(options_.tls() ? "https" : "http") + "://" + host + ":" + std::to_string(server_->port()) + "/";
}

void ApiServer::stop() {
    // Stop accepting; requests in flight run to their end (each is one transaction, so none is
    // left half-written), idle keep-alive connections close.
    server_->stopAll(false);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options_.timeoutSeconds);
    while (server_->currentConnections() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    threads_->joinAll();
}

}  // namespace patrol::http
