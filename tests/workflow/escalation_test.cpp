#include <catch2/catch.hpp>
#include <patrol/sdk/civil.hpp>

#include "core/domain/escalation.hpp"

using namespace patrol;
using namespace patrol::domain;

namespace {

// The level deserved with `left` natural days left before the due date.
EscalationLevel withDaysLeft(int left, int returned = 0) {
    const int32_t due = *civil::parseDate("2026-06-30");
    return deservedLevel(due, due - left, returned);
}

}  // namespace

TEST_CASE("each level starts exactly at its boundary", "[escalation]") {
    CHECK(withDaysLeft(100) == EscalationLevel::None);
    CHECK(withDaysLeft(21) == EscalationLevel::None);
    CHECK(withDaysLeft(20) == EscalationLevel::Green);
    CHECK(withDaysLeft(11) == EscalationLevel::Green);
    CHECK(withDaysLeft(10) == EscalationLevel::Yellow);
    CHECK(withDaysLeft(0) == EscalationLevel::Yellow);  // due today is not yet past due
    CHECK(withDaysLeft(-1) == EscalationLevel::Red);
    CHECK(withDaysLeft(-29) == EscalationLevel::Red);
    CHECK(withDaysLeft(-30) == EscalationLevel::Accountability);
    CHECK(withDaysLeft(-400) == EscalationLevel::Accountability);
}

TEST_CASE("returned three times means accountability whatever the date", "[escalation]") {
    CHECK(withDaysLeft(100, 2) == EscalationLevel::None);
    CHECK(withDaysLeft(100, 3) == EscalationLevel::Accountability);
    CHECK(withDaysLeft(5, 2) == EscalationLevel::Yellow);
    CHECK(withDaysLeft(5, 4) == EscalationLevel::Accountability);
}

TEST_CASE("levels only rise", "[escalation]") {
    CHECK(raisedLevel(EscalationLevel::None, EscalationLevel::Green) == EscalationLevel::Green);
    CHECK(raisedLevel(EscalationLevel::Red, EscalationLevel::Green) == EscalationLevel::Red);
    CHECK(raisedLevel(EscalationLevel::Yellow, EscalationLevel::Yellow) == EscalationLevel::Yellow);
    CHECK(EscalationLevel::None < EscalationLevel::Green);
    CHECK(EscalationLevel::Red < EscalationLevel::Accountability);
}

TEST_CASE("who is told at each level", "[escalation]") {
    CHECK(recipientsFor(EscalationLevel::None).empty());
    CHECK(recipientsFor(EscalationLevel::Green) == std::vector<Recipient>{Recipient::Handler});
    CHECK(recipientsFor(EscalationLevel::Yellow) ==
          std::vector<Recipient>{Recipient::Handler, Recipient::ResponsibleLeader});
    CHECK(recipientsFor(EscalationLevel::Red) ==
          std::vector<Recipient>{Recipient::UnitHead, Recipient::InspectionOffice});
    CHECK(recipientsFor(EscalationLevel::Accountability) == std::vector<Recipient>{Recipient::Leadership});
    CHECK(escalationLevels.label(EscalationLevel::Red) == "红色督办");
    CHECK(recipients.label(Recipient::Leadership) == "巡察工作领导小组");
}
