#include "core/services/escalation_event.hpp"

#include "core/services/record_json.hpp"
#include "core/store/audited_rows.hpp"

namespace patrol::services {

Poco::JSON::Object::Ptr escalationEventJson(const EscalationEventFields& f) {
    auto o = jsonObject();
    o->set("status", f.task.status);
    o->set("from", f.from);
    o->set("level", f.task.level);
    o->set("due", f.task.dueDate);
    o->set("as_of", f.asOf);
    o->set("notice_id", f.noticeId);
    o->set(store::kRowDigestKey, f.rowsDigest);
    return o;
}

std::string escalationEventText(const EscalationEventFields& f) {
    JsonText j;
    j.open()
        .field("status", f.task.status)
        .field("from", f.from)
        .field("level", f.task.level)
        .field("due", f.task.dueDate)
        .field("as_of", f.asOf)
        .field("notice_id", f.noticeId)
        .field(store::kRowDigestKey, f.rowsDigest)
        .close();
    return j.take();
}

}  // namespace patrol::services
