// /api/v1/notices and /api/v1/escalate: 预警通知 as `patrol notice list` lists them, and 三色预警
// applied as `patrol escalate` applies it.
#include <patrol/sdk/civil.hpp>

#include "core/api/api_routes.hpp"
#include "core/api/paging.hpp"
#include "core/api/request_values.hpp"
#include "core/http/exchange.hpp"
#include "core/services/escalation_service.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/notice_service.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"

namespace patrol::api {

namespace {

http::Reply listNotices(http::Exchange& ex) {
    services::NoticeFilter filter;
    filter.roundCode = ex.query("round");
    filter.unitCode = ex.query("unit");
    filter.level = ex.query("level");
    if (const auto since = ex.query("since")) filter.since = services::requireDate(*since, "参数 since", "since");
    return page<store::NoticeRecord>(ex, services::listNotices(ex.db(), ex.actor(), filter), [](const auto& n) { return n.id; },
                                     [](const auto& n) { return services::noticeView(n); });
}

// One rise: the task it concerns, the levels before and after, and the notice it stored.
Poco::JSON::Object::Ptr riseView(const services::LevelRise& rise) {
    auto o = services::jsonObject();
    o->set("task_id", rise.task.id);
    o->set("unit", rise.task.unitCode);
    o->set("due", rise.task.dueDate);
    o->set("days_left", rise.daysLeft);
    o->set("from", std::string(domain::escalationLevels.code(rise.from)));
    o->set("to", std::string(domain::escalationLevels.code(rise.to)));
    o->set("notice", services::noticeView(rise.notice));
    return o;
}

http::Reply escalate(http::Exchange& ex) {
    auto body = ex.json();
    const int32_t asOf = eventDay(body, "as_of");
    body.finish();
    const auto rises = services::escalate(ex.db(), ex.actor(), asOf);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& r : rises) items->add(riseView(r));
    auto o = services::jsonObject();
    o->set("as_of", civil::formatDate(asOf));
    o->set("rises", items);
    return http::Reply::json(o);
}

}  // namespace

void addNoticeRoutes(http::Router& router) {
    router.add("GET", "/api/v1/notices", listNotices);
    router.add("POST", "/api/v1/escalate", escalate);
}

}  // namespace patrol::api
