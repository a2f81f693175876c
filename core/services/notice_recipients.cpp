#include "core/services/notice_recipients.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "core/services/json_text.hpp"
#include "core/services/record_json.hpp"

namespace patrol::services {

Addressees addresseesFor(domain::EscalationLevel level, const KnownPeople& people) {
    using domain::Recipient;
    Addressees out;
    const auto add = [&](Recipient role, const std::string& name) {
        for (const auto& r : out.recipients)
            if (r.role == role && r.name == name) return;
        out.recipients.push_back({role, name});
    };
    const auto addHead = [&] {
        if (people.unitHead) add(Recipient::UnitHead, *people.unitHead);
        else out.unitHeadMissing = true;
    };
    for (Recipient r : domain::recipientsFor(level)) {
        switch (r) {
            case Recipient::Handler:
                if (people.handler) add(Recipient::Handler, *people.handler);
                else if (people.unitContact) add(Recipient::UnitContact, *people.unitContact);
                else addHead();
                break;
            case Recipient::ResponsibleLeader:
                if (people.leader) add(Recipient::ResponsibleLeader, *people.leader);
                else addHead();
                break;
            case Recipient::UnitHead: addHead(); break;
            case Recipient::UnitContact:
                if (people.unitContact) add(Recipient::UnitContact, *people.unitContact);
                break;
            case Recipient::InspectionOffice:
            case Recipient::Leadership: add(r, std::string(domain::recipients.label(r))); break;
        }
    }
    return out;
}

std::string recipientsText(const std::vector<NoticeRecipient>& recipients) {
    std::string out;
    for (const auto& r : recipients) {
        const std::string label(domain::recipients.label(r.role));
        out += (out.empty() ? "" : "、") + label + (r.name == label ? "" : "（" + r.name + "）");
    }
    return out;
}

std::string recipientsJson(const std::vector<NoticeRecipient>& recipients) {
    // Written as text, the bytes Poco's stringify gave: a mass escalation writes one per notice.
    JsonText json;
    json.openArray();
    for (const auto& r : recipients)
        json.open()
            .field("role", domain::recipients.code(r.role))
            .field("label", domain::recipients.label(r.role))
            .field("name", r.name)
            .close();
    json.closeArray();
    return json.take();
}

std::vector<NoticeRecipient> parseRecipients(const std::string& json) {
    std::vector<NoticeRecipient> out;
    const auto array = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
    for (size_t i = 0; i < array->size(); ++i) {
        const auto o = array->getObject(static_cast<unsigned>(i));
        const auto role = domain::recipients.find(o->optValue<std::string>("role", ""));
        if (role) out.push_back({*role, o->optValue<std::string>("name", "")});
    }
    return out;
}

}  // namespace patrol::services
