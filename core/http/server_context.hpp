// What every request shares: the settings, how to reach the store, the limits of the door.
#pragma once

#include <cstdint>
#include <memory>

#include "core/services/settings.hpp"
#include "core/store/connection_pool.hpp"
#include "core/store/group_commit.hpp"

namespace patrol::http {

struct ServerContext {
    services::Settings settings;
    std::unique_ptr<store::ConnectionPool> connections;
    int64_t maxBodyBytes = 0;          // server.max_body_bytes: any request body
    bool secure = false;               // served over TLS: cookies are marked Secure
    // server.group_commit: writes that ask for it share COMMITs (group_commit.hpp); none: each
    // request commits on its own, the plain reference path.
    std::unique_ptr<store::GroupCommit> groupCommit = nullptr;
};

}  // namespace patrol::http
