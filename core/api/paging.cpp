#include "core/api/paging.hpp"

#include <Poco/JSON/Array.h>

#include "core/domain/integer_text.hpp"
#include "core/http/http_refusal.hpp"

namespace patrol::api {

PageRequest pageRequest(const http::Exchange& exchange) {
    PageRequest request;
    if (const auto limit = exchange.query("limit")) {
        const auto n = domain::parseInteger(*limit);
        if (!n || *n < 1 || *n > 200)
            throw http::HttpRefusal(400, "invalid_query", "参数 limit「" + *limit + "」无效：应为 1 到 200 之间的整数。", "limit");
        request.limit = static_cast<size_t>(*n);
    }
    if (const auto cursor = exchange.query("cursor")) {
        const auto n = domain::parseInteger(*cursor);
        if (!n || *n < 0)
            throw http::HttpRefusal(400, "invalid_query", "参数 cursor「" + *cursor + "」无效：请使用上一页返回的 next_cursor 原值。", "cursor");
        request.after = *n;
    }
    return request;
}

http::Reply pageReply(const std::vector<Poco::JSON::Object::Ptr>& items, bool more, int64_t lastId) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& item : items) array->add(item);
    body->set("items", array);
    body->set("next_cursor", more ? Poco::Dynamic::Var(std::to_string(lastId)) : Poco::Dynamic::Var());
    return http::Reply::json(body);
}

}  // namespace patrol::api
