// An answer's JSON body read back in a test, and the ids or codes of a page's items.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <string>

namespace patrol::testing {

// Keys keep the order the server wrote them in.
inline Poco::JSON::Object::Ptr jsonBody(const std::string& text) {
    return Poco::JSON::Parser(new Poco::JSON::ParseHandler(true)).parse(text).extract<Poco::JSON::Object::Ptr>();
}

// "1,2,5": the `field` of every element of the body's `items`.
inline std::string itemsField(const std::string& text, const std::string& field, const std::string& list = "items") {
    std::string out;
    const auto items = jsonBody(text)->getArray(list);
    for (size_t i = 0; i < items->size(); ++i) out += (i ? "," : "") + items->getObject(i)->getValue<std::string>(field);
    return out;
}

inline std::string nextCursor(const std::string& text) {
    const auto body = jsonBody(text);
    return body->isNull("next_cursor") ? std::string("null") : body->getValue<std::string>("next_cursor");
}

}  // namespace patrol::testing
