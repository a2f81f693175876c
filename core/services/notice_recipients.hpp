// Who a notice of escalation names, and the JSON form it is stored in (an array of
// {role, label, name}), so the text of a stored notice can be shown again.
#pragma once

#include <string>
#include <vector>

#include "core/domain/escalation.hpp"

namespace patrol::services {

struct NoticeRecipient {
    domain::Recipient role;
    std::string name;  // the person or body, as far as the records know it
};

// "责任人（李明）、分管领导（王强）"; a body named by its own label once: "巡察办".
std::string recipientsText(const std::vector<NoticeRecipient>& recipients);

std::string recipientsJson(const std::vector<NoticeRecipient>& recipients);
// The recipients of stored JSON; roles this program does not know are skipped.
std::vector<NoticeRecipient> parseRecipients(const std::string& json);

}  // namespace patrol::services
