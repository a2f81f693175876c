#include "core/http/server_options.hpp"

#include <Poco/Net/IPAddress.h>

#include <filesystem>

#include "core/domain/errors.hpp"
#include "core/domain/integer_text.hpp"
#include "core/http/tls_files.hpp"
#include "core/services/settings.hpp"

namespace patrol::http {

namespace {

// `field` and `label` name where the value came from: a setting, or what the operator typed.
int64_t inRange(const std::string& field, const std::string& label, const std::string& text, int64_t low, int64_t high) {
    const auto value = domain::parseInteger(text);
    if (!value || *value < low || *value > high)
        throw InvalidInput(field, label,
                           "「" + text + "」无效：应为 " + std::to_string(low) + " 到 " + std::to_string(high) + " 之间的整数。");
    return *value;
}

int64_t setting(const services::Settings& settings, const std::string& key, int64_t fallback, int64_t low, int64_t high) {
    if (!settings.has(key) || settings.text(key).empty()) return fallback;
    return inRange(key, "配置项 " + key, settings.text(key), low, high);
}

bool isLoopback(const std::string& address) {
    if (address == "localhost") return true;
    Poco::Net::IPAddress ip;
    return Poco::Net::IPAddress::tryParse(address, ip) && ip.isLoopback();
}

void requireReadable(const std::string& key, const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw InvalidInput(key, "配置项 " + key, "指向的文件 " + path + " 不存在或不是普通文件：应为 PEM 格式的证书或私钥文件。");
}

}  // namespace

ServerOptions serverOptions(const services::Settings& settings, const std::optional<std::string>& address,
                            const std::optional<std::string>& port) {
    ServerOptions o;
    if (settings.has("server.address") && !settings.text("server.address").empty()) o.address = settings.text("server.address");
    if (address) o.address = *address;
    Poco::Net::IPAddress ip;
    if (o.address != "localhost" && !Poco::Net::IPAddress::tryParse(o.address, ip))
        throw InvalidInput("address", "监听地址", "「" + o.address + "」不是 IP 地址：应为如 127.0.0.1、0.0.0.0 或 ::1 的地址。");
    o.port = static_cast<int>(port ? inRange("port", "监听端口", *port, 0, 65535) : setting(settings, "server.port", 8080, 0, 65535));
    o.threads = static_cast<int>(setting(settings, "server.threads", 32, 1, 256));
    o.maxBodyBytes = setting(settings, "server.max_body_bytes", 64 << 20, 1024, int64_t(1) << 40);
    o.timeoutSeconds = static_cast<int>(setting(settings, "server.timeout_seconds", 30, 1, 3600));
    if (settings.has("server.tls.certificate")) o.tlsCertificate = settings.text("server.tls.certificate");
    if (settings.has("server.tls.key")) o.tlsKey = settings.text("server.tls.key");
    o.allowPlainHttp = settings.has("server.allow_plain_http") && settings.flag("server.allow_plain_http");
    o.groupCommit = !settings.has("server.group_commit") || settings.flag("server.group_commit");

    if (o.tlsCertificate.empty() != o.tlsKey.empty())
        throw InvalidInput(o.tlsKey.empty() ? "server.tls.key" : "server.tls.certificate", "配置项 server.tls.certificate 和 server.tls.key",
                           " 必须同时设置（现在只设置了 " + std::string(o.tlsKey.empty() ? "server.tls.certificate" : "server.tls.key") +
                               "）：一个是证书（PEM），一个是它的私钥（PEM）。");
    if (o.tls()) {
        requireReadable("server.tls.certificate", o.tlsCertificate);
        requireReadable("server.tls.key", o.tlsKey);
        checkTlsFiles(o.tlsCertificate, o.tlsKey);
    }
    if (!o.tls() && !o.allowPlainHttp && !isLoopback(o.address))
        throw InvalidInput("address", "监听地址 " + o.address,
                           " 不是本机回环地址，明文 HTTP 会让密码和令牌在内网中被截获，已拒绝启动。请在配置文件的 [server] "
                           "节设置 tls.certificate 和 tls.key（PEM 格式的证书和私钥，可向单位的证书管理员申请），"
                           "或确有隔离网络时设置 allow_plain_http = true。");
    return o;
}

}  // namespace patrol::http
