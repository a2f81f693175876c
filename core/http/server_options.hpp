// Where and how `patrol serve` listens, from the settings (server.*) and the command line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace patrol::services {
class Settings;
}

namespace patrol::http {

struct ServerOptions {
    std::string address = "127.0.0.1";  // server.address
    int port = 8080;                    // server.port; 0 = any free port
    int threads = 32;                   // server.threads: connections served at once
    int64_t maxBodyBytes = 64 << 20;    // server.max_body_bytes: any request body, uploads included
    int timeoutSeconds = 30;            // server.timeout_seconds: a client silent this long is dropped
    std::string tlsCertificate;         // server.tls.certificate (PEM)
    std::string tlsKey;                 // server.tls.key (PEM)
    bool allowPlainHttp = false;        // server.allow_plain_http: plain HTTP off the loopback
    bool groupCommit = true;            // server.group_commit: concurrent progress reports share COMMITs

    bool tls() const { return !tlsCertificate.empty(); }
};

// Reads and checks every server.* setting; the command line's address and port win.
// Refuses (InvalidInput naming the setting) values out of range, a certificate without a key,
// and plain HTTP on an address other than the loopback unless allow_plain_http is set.
ServerOptions serverOptions(const services::Settings& settings, const std::optional<std::string>& address,
                            const std::optional<std::string>& port);

}  // namespace patrol::http
