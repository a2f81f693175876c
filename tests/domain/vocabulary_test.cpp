// The word lists users type: kinds, roles, severities.
#include <catch2/catch.hpp>

#include "core/domain/role.hpp"
#include "core/domain/round_kind.hpp"
#include "core/domain/severity.hpp"
#include "core/domain/unit_kind.hpp"

using namespace patrol;
using namespace patrol::domain;

TEST_CASE("every word of each list parses back to its value") {
    for (const auto& t : roundKinds.terms()) CHECK(roundKinds.parse(t.code) == t.value);
    for (const auto& t : unitKinds.terms()) CHECK(unitKinds.parse(t.code) == t.value);
    for (const auto& t : roles.terms()) CHECK(roles.parse(t.code) == t.value);
    for (const auto& t : severities.terms()) CHECK(severities.parse(t.code) == t.value);
}

TEST_CASE("an unknown unit kind is refused with the accepted words") {
    try {
        unitKinds.parse("county");
        FAIL("an unknown kind was accepted");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()) ==
              "未知的单位类型「county」：应为 township（乡镇）、department（县直部门）、village（村）、community（社区）、"
              "enterprise（国有企业）、other（其他） 之一，请改用其中一个。");
    }
    CHECK_FALSE(roles.find("Admin").has_value());
    CHECK(roundKinds.label(RoundKind::Lookback) == "巡察\"回头看\"");
}
