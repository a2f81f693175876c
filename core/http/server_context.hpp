// What every request shares: the settings, how to reach the store, the limits of the door.
#pragma once

#include <cstdint>
#include <memory>

#include "core/services/settings.hpp"
#include "core/store/connection_pool.hpp"

namespace patrol::http {

struct ServerContext {
    services::Settings settings;
    std::unique_ptr<store::ConnectionPool> connections;
    int64_t maxBodyBytes = 0;          // server.max_body_bytes: any request body
    bool secure = false;               // served over TLS: cookies are marked Secure
};

}  // namespace patrol::http
