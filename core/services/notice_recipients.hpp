// Who a notice of escalation names, and the JSON form it is stored in (an array of
// {role, label, name}), so the text of a stored notice can be shown again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain/escalation.hpp"

namespace patrol::services {

struct NoticeRecipient {
    domain::Recipient role;
    std::string name;  // the person or body, as far as the records know it
};

// The people the records know for one task: the task's handler and leader, its unit's head
// and contact.
struct KnownPeople {
    std::optional<std::string> handler;
    std::optional<std::string> leader;
    std::optional<std::string> unitHead;
    std::optional<std::string> unitContact;
};

struct Addressees {
    std::vector<NoticeRecipient> recipients;  // each person once
    bool unitHeadMissing = false;             // someone could not be told because the unit names no head
};

// Who is told of `level`: a missing handler is stood in for by the unit's contact, else its head;
// a missing responsible leader by the unit's head. Nobody is named who the records do not know.
Addressees addresseesFor(domain::EscalationLevel level, const KnownPeople& people);

// "责任人（李明）、分管领导（王强）"; a body named by its own label once: "巡察办".
std::string recipientsText(const std::vector<NoticeRecipient>& recipients);

std::string recipientsJson(const std::vector<NoticeRecipient>& recipients);
// The recipients of stored JSON; roles this program does not know are skipped.
std::vector<NoticeRecipient> parseRecipients(const std::string& json);

}  // namespace patrol::services
