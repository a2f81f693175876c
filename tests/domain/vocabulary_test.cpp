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

TEST_CASE("a user may type the Chinese label of a word where its code is asked for, files keep to codes") {
    CHECK(unitKinds.parse("乡镇") == UnitKind::Township);
    CHECK(unitKinds.checked("县直部门") == "department");
    CHECK(roundKinds.checked("巡察\"回头看\"") == "lookback");
    CHECK(severities.checked("严重") == "high");
    CHECK(roles.checked("领导小组") == "leader");
    // find() reads stored and file words: a label there is not a code.
    CHECK_FALSE(unitKinds.find("乡镇").has_value());
    // No label of a list is another word's code, so a typed word never means two things.
    auto distinct = [](const auto& words) {
        for (const auto& t : words.terms())
            for (const auto& u : words.terms())
                if (t.value != u.value && (t.label == u.code || t.label == u.label)) return false;
        return true;
    };
    CHECK(distinct(unitKinds));
    CHECK(distinct(roundKinds));
    CHECK(distinct(roles));
    CHECK(distinct(severities));
}
