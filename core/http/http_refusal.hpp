// A request refused by the HTTP door itself, before any service runs: a body that is not JSON,
// a field of the wrong type, an unknown field, a body over the limit, a content type the
// endpoint does not take, no credentials. Service refusals stay UserErrors and are mapped by kind.
#pragma once

#include <stdexcept>
#include <string>

namespace patrol::http {

class HttpRefusal : public std::runtime_error {
public:
    HttpRefusal(int status, std::string code, const std::string& message, std::string field = {})
        : std::runtime_error(message), status_(status), code_(std::move(code)), field_(std::move(field)) {}
    int status() const { return status_; }
    const std::string& code() const { return code_; }
    const std::string& field() const { return field_; }

private:
    int status_;
    std::string code_;
    std::string field_;
};

}  // namespace patrol::http
