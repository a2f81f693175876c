#include "core/http/reply.hpp"

#include <sstream>

namespace patrol::http {

Reply Reply::json(const Poco::JSON::Object::Ptr& object, int status) {
    std::ostringstream out;
    object->stringify(out);
    Reply r;
    r.status = status;
    r.body = out.str();
    return r;
}

Reply Reply::json(const Poco::JSON::Array::Ptr& array, int status) {
    std::ostringstream out;
    array->stringify(out);
    Reply r;
    r.status = status;
    r.body = out.str();
    return r;
}

Reply Reply::empty(int status) {
    Reply r;
    r.status = status;
    r.contentType.clear();
    return r;
}

}  // namespace patrol::http
