#include "core/http/reply.hpp"

#include <sstream>

namespace patrol::http {

namespace {

template <typename Json>
Reply jsonReply(const Json& value, int status) {
    std::ostringstream out;
    value->stringify(out);
    Reply r;
    r.status = status;
    r.body = out.str();
    return r;
}

}  // namespace

Reply Reply::json(const Poco::JSON::Object::Ptr& object, int status) { return jsonReply(object, status); }

Reply Reply::json(const Poco::JSON::Array::Ptr& array, int status) { return jsonReply(array, status); }

Reply Reply::empty(int status) {
    Reply r;
    r.status = status;
    r.contentType.clear();
    return r;
}

}  // namespace patrol::http
