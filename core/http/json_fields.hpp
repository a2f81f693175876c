// The fields of a JSON request body, read by name and type. A body that is not a JSON object,
// a field of the wrong type, or a field the endpoint does not know is refused (400) naming the
// field; a required field that is missing is invalid input (422). `finish()` is called once
// every expected field was read, so a misspelt "mesure" is never silently ignored.
#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace patrol::http {

class JsonFields {
public:
    // Parses `text`; HttpRefusal 400 "malformed_json" when it is not one JSON object.
    static JsonFields parse(const std::string& text);

    std::string text(const std::string& name);
    std::optional<std::string> optionalText(const std::string& name);
    int64_t integer(const std::string& name);
    std::optional<int64_t> optionalInteger(const std::string& name);
    bool flag(const std::string& name, bool otherwise = false);
    std::vector<int64_t> integers(const std::string& name);
    std::vector<std::string> texts(const std::string& name);
    // Money in yuan as the client typed it: a JSON number or a string such as "5200.00".
    std::optional<std::string> optionalAmount(const std::string& name);
    bool has(const std::string& name) const;

    // HttpRefusal 400 "unknown_field" naming the first field no accessor asked for.
    void finish() const;

private:
    explicit JsonFields(Poco::JSON::Object::Ptr object) : object_(std::move(object)) {}
    bool present(const std::string& name);  // marks it read; false when absent or null
    [[noreturn]] void wrongType(const std::string& name, const char* expected) const;
    [[noreturn]] void missing(const std::string& name) const;

    Poco::JSON::Object::Ptr object_;
    std::set<std::string> read_;
};

}  // namespace patrol::http
