#include "core/services/record_json.hpp"

#include <Poco/JSON/Array.h>
#include <patrol/sdk/money.hpp>

#include <sstream>

namespace patrol::services {

Poco::JSON::Object::Ptr jsonObject() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Poco::JSON::Object::Ptr unitJson(const store::UnitRecord& u) {
    auto o = jsonObject();
    o->set("code", u.code);
    o->set("name", u.name);
    o->set("kind", u.kind);
    o->set("parent", orNull(u.parentCode));
    o->set("head", orNull(u.head));
    o->set("contact", orNull(u.contact));
    return o;
}

Poco::JSON::Object::Ptr userJson(const store::UserRecord& u) {
    auto o = jsonObject();
    o->set("name", u.name);
    o->set("role", u.role);
    o->set("unit", orNull(u.unitCode));
    o->set("revoked", u.revoked);
    return o;
}

Poco::JSON::Object::Ptr roundJson(const store::RoundRecord& r) {
    auto o = jsonObject();
    o->set("code", r.code);
    o->set("title", r.title);
    o->set("kind", r.kind);
    o->set("term", orNull(r.term));
    o->set("stage", r.stage);
    o->set("start", r.startDate);
    o->set("end", r.endDate);
    o->set("lookback_of", orNull(r.lookbackOfCode));
    Poco::JSON::Array::Ptr plugins = new Poco::JSON::Array;
    for (const auto& p : r.plugins) plugins->add(p);
    o->set("plugins", plugins);
    return o;
}

Poco::JSON::Object::Ptr findingJson(const store::FindingRecord& f) {
    auto o = jsonObject();
    o->set("id", f.id);
    o->set("round", f.roundCode);
    o->set("unit", f.unitCode);
    o->set("category", f.category);
    o->set("title", f.title);
    o->set("detail", f.detail);
    o->set("severity", f.severity);
    o->set("amount", f.amountFen ? Poco::Dynamic::Var(money::formatYuan(*f.amountFen)) : Poco::Dynamic::Var());
    o->set("people_count", orNull(f.peopleCount));
    o->set("people_level", orNull(f.peopleLevel));
    o->set("source", f.source);
    o->set("status", f.status);
    o->set("dismissed_reason", orNull(f.dismissedReason));
    o->set("transferred", f.transferred);
    o->set("repeat_of", orNull(f.repeatOf));
    return o;
}

std::string jsonText(const Poco::JSON::Object::Ptr& object) {
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

}  // namespace patrol::services
