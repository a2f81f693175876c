// Every finding status × every event.
#include <catch2/catch.hpp>

#include <map>
#include <utility>

#include "core/domain/finding_status.hpp"

using namespace patrol;
using namespace patrol::domain;
using S = FindingStatus;
using E = FindingEvent;

TEST_CASE("the finding lifecycle allows exactly the moves of the spec") {
    const std::map<std::pair<S, E>, S> allowed = {
        {{S::Suspected, E::Confirm}, S::Confirmed},     {{S::Suspected, E::Dismiss}, S::Dismissed},
        {{S::Confirmed, E::FeedBack}, S::FedBack},      {{S::FedBack, E::StartRectifying}, S::Rectifying},
        {{S::Rectifying, E::MarkRectified}, S::Rectified}, {{S::Rectified, E::Close}, S::Closed},
    };
    int refused = 0;
    for (const auto& status : findingStatuses.terms()) {
        for (const auto& event : findingEvents.terms()) {
            INFO(status.code << " + " << event.code);
            const auto it = allowed.find({status.value, event.value});
            if (it != allowed.end()) {
                CHECK(applyFindingEvent(status.value, event.value) == it->second);
                continue;
            }
            ++refused;
            try {
                applyFindingEvent(status.value, event.value);
                FAIL("an illegal move was accepted");
            } catch (const UserError& e) {
                const std::string message = e.what();
                CHECK(message.find(findingStatuses.quoted(status.value)) != std::string::npos);
                CHECK(message.find(findingStatuses.quoted(findingEventTarget(event.value))) != std::string::npos);
            }
        }
    }
    CHECK(refused == 7 * 6 - 6);
}

TEST_CASE("a refused finding move names both states and the one that would allow it") {
    try {
        applyFindingEvent(S::Dismissed, E::Confirm);
        FAIL("confirming a dismissed finding was accepted");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()) ==
              "问题当前状态为「已排除」(dismissed)，不能执行「确认」改为「已确认」(confirmed)：只有「疑似」(suspected)"
              "状态的问题可以「确认」。");
    }
}

TEST_CASE("a manual finding starts confirmed, a check's finding starts suspected") {
    CHECK(initialFindingStatus(FindingOrigin::Manual) == S::Confirmed);
    CHECK(initialFindingStatus(FindingOrigin::Check) == S::Suspected);
}

TEST_CASE("a dismissal needs a reason that is not blank") {
    CHECK_NOTHROW(requireDismissalReason("经核实为正常业务往来"));
    CHECK_THROWS_AS(requireDismissalReason(""), UserError);
    CHECK_THROWS_AS(requireDismissalReason("  \t"), UserError);
}
