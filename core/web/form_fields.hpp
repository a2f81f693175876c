// A form as browsers post it without files (application/x-www-form-urlencoded): name -> value.
#pragma once

#include <map>
#include <string>

#include "core/http/exchange.hpp"

namespace patrol::web {

class FormFields {
public:
    // The request's body, at most 1 MiB; HttpRefusal 415 for another content type.
    static FormFields read(http::Exchange& exchange);
    static FormFields parse(const std::string& body);

    // The value as typed, "" when the form did not send the field.
    std::string value(const std::string& name) const;
    const std::map<std::string, std::string>& all() const { return values_; }

private:
    std::map<std::string, std::string> values_;
};

}  // namespace patrol::web
