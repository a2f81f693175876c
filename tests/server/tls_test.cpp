// `patrol serve` under TLS: a self-signed certificate made by the test with the openssl command,
// HTTPS answered on 0.0.0.0, and certificates that cannot be used refused at start.
#include <catch2/catch.hpp>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "server_process.hpp"
#include "upload_world.hpp"

using namespace patrol::testing;

namespace {

struct Certificate {
    std::string certificate;
    std::string key;
};

// A self-signed certificate for 127.0.0.1, valid for a day.
Certificate selfSigned(const UploadWorld& world) {
    const Certificate made{(world.dir / "cert.pem").string(), (world.dir / "key.pem").string()};
    const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout '" +
                                made.key + "' -out '" + made.certificate + "' >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    return made;
}

// GET over HTTPS, trusting exactly the test's certificate.
std::pair<int, std::string> httpsGet(int port, const std::string& caFile, const std::string& path, const std::string& token) {
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile, Poco::Net::Context::VERIFY_STRICT, 9, false);
    Poco::Net::HTTPSClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port), context);
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + token);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::ostringstream body;
    Poco::StreamCopier::copyStream(session.receiveResponse(response), body);
    return {response.getStatus(), body.str()};
}

std::vector<std::string> withAddress(std::vector<std::string> args) {
    args.insert(args.end(), {"--address", "0.0.0.0"});
    return args;
}

// A refused start must not depend on port 8080 being free.
std::vector<std::string> withPort(std::vector<std::string> args) {
    args.insert(args.end(), {"--port", "0"});
    return args;
}

}  // namespace

TEST_CASE("with a certificate and key the server listens on 0.0.0.0 and answers HTTPS", "[server][tls]") {
    UploadWorld world;
    const auto tls = selfSigned(world);
    ServerProcess server(world.path(), withAddress(world.config({"tls.certificate = " + tls.certificate, "tls.key = " + tls.key})));
    CHECK(server.url() == "https://0.0.0.0:" + std::to_string(server.port()) + "/");
    const auto [status, body] = httpsGet(server.port(), tls.certificate, "/api/v1/me", world.token(Caller::UnitA));
    CHECK(status == 200);
    CHECK(body == R"({"name":"甲联系人","role":"unit","unit":"UA"})");
    CHECK(server.stop() == 0);
}

TEST_CASE("a certificate without its key, and a file that is no certificate, are refused at start", "[server][tls]") {
    UploadWorld world;
    const auto tls = selfSigned(world);
    SECTION("certificate without key") {
        const auto refused = startExpectingRefusal(world.path(), withPort(world.config({"tls.certificate = " + tls.certificate})));
        CHECK(refused.exitCode == 2);
        CHECK(refused.err ==
              "错误: 配置项 server.tls.certificate 和 server.tls.key 必须同时设置（现在只设置了 server.tls.certificate）："
              "一个是证书（PEM），一个是它的私钥（PEM）。\n");
    }
    SECTION("garbage certificate") {
        const std::string garbage = (world.dir / "garbage.pem").string();
        std::ofstream(garbage) << "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n";
        const auto refused =
            startExpectingRefusal(world.path(), withPort(world.config({"tls.certificate = " + garbage, "tls.key = " + tls.key})));
        CHECK(refused.exitCode == 2);
        CHECK(refused.err == "错误: 配置项 server.tls.certificate 指向的文件 " + garbage +
                                 " 不是可用的 PEM 格式证书：应以 -----BEGIN CERTIFICATE----- 开头且内容完整。请检查是否选错了文件。\n");
    }
    SECTION("a certificate where the key should be") {
        const auto refused = startExpectingRefusal(
            world.path(), withPort(world.config({"tls.certificate = " + tls.certificate, "tls.key = " + tls.certificate})));
        CHECK(refused.exitCode == 2);
        CHECK(refused.err == "错误: 配置项 server.tls.key 指向的文件 " + tls.certificate +
                                 " 不是可用的 PEM 格式私钥：应为未加密的私钥（-----BEGIN PRIVATE KEY----- 等）。加密的私钥请先用 openssl pkey "
                                 "解密后再配置。\n");
    }
    SECTION("key of another certificate") {
        const std::string otherKey = (world.dir / "other-key.pem").string();
        REQUIRE(std::system(("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out '" + otherKey + "' >/dev/null 2>&1").c_str()) == 0);
        const auto refused =
            startExpectingRefusal(world.path(), withPort(world.config({"tls.certificate = " + tls.certificate, "tls.key = " + otherKey})));
        CHECK(refused.exitCode == 2);
        CHECK(refused.err == "错误: 配置项 server.tls.key 指向的私钥 " + otherKey + " 与证书 " + tls.certificate +
                                 " 不匹配：请配置签发这张证书时生成的那把私钥。\n");
    }
}
