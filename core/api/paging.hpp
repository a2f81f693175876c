// Lists page with ?limit=N (1..200, default 50) and ?cursor=C, where C is the `next_cursor` of
// the previous page: {"items": [...], "next_cursor": "…" | null}. Items come in ascending id
// order, so a record added meanwhile never shifts a page.
#pragma once

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/http/exchange.hpp"
#include "core/http/reply.hpp"

namespace patrol::api {

struct PageRequest {
    size_t limit = 50;
    int64_t after = 0;  // the last id of the previous page
};

// HttpRefusal 400 naming `limit` or `cursor` when they are not what a page needs.
PageRequest pageRequest(const http::Exchange& exchange);

http::Reply pageReply(const std::vector<Poco::JSON::Object::Ptr>& items, bool more, int64_t lastId);

// Pages `records` (any order) by their ids and turns each kept one into its view.
template <typename Record>
http::Reply page(const http::Exchange& exchange, std::vector<Record> records, const std::function<int64_t(const Record&)>& idOf,
                 const std::function<Poco::JSON::Object::Ptr(const Record&)>& view) {
    const PageRequest request = pageRequest(exchange);
    std::sort(records.begin(), records.end(), [&](const Record& a, const Record& b) { return idOf(a) < idOf(b); });
    std::vector<Poco::JSON::Object::Ptr> items;
    int64_t lastId = 0;
    bool more = false;
    for (const auto& r : records) {
        if (idOf(r) <= request.after) continue;
        if (items.size() == request.limit) {
            more = true;
            break;
        }
        items.push_back(view(r));
        lastId = idOf(r);
    }
    return pageReply(items, more, lastId);
}

}  // namespace patrol::api
