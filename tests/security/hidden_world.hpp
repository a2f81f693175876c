// The county of the security tests, on a fresh database: three rounds, so that each outsider has
// records that exist but are hidden from them, next to codes and numbers that do not exist.
//
//   R1 (张组长): targets UA, UB; finding 1 (UA) and 2 (UB) fed back as tasks 1 and 2; finding 3
//      (UA, from a check) dismissed; finding 1 transferred as clue 1; notices from escalation.
//   R2 (局外人): targets UA, UB, on site; finding 4 (UA, confirmed) and 5 (UA, suspected), not fed back.
//   R3 (局外人): targets UB only; finding 6 (UB).
//   R4 (局外人): lookback of R3, targets UA and UB.
// UC is a unit in no round. 甲联系人 (UA) never sees R3, UB, UC, findings 2–6, task 2 or clue 1;
// 局外人 never sees R1 or anything in it.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "core/domain/errors.hpp"
#include "core/services/clue_service.hpp"
#include "core/services/escalation_service.hpp"
#include "replaced.hpp"
#include "workflow_services/world.hpp"

namespace security {

struct HiddenWorld : World {
    int64_t fA1 = 0, fB1 = 0, fAd = 0, fA2 = 0, fA2s = 0, fB3 = 0;
    int64_t tA1 = 0, tB1 = 0;
    int64_t c1 = 0;

    HiddenWorld() {
        addUnit(db, admin, {"UC", "丙村", "village", std::nullopt});
        round("R1", "2026-01-05");
        fA1 = finding("R1", "UA", "四风");
        fB1 = finding("R1", "UB", "资金");
        fAd = suspected("R1", "UA", "fp-d", inspector);
        dismissFinding(db, inspector, fAd, "经核实为正常业务往来");
        const auto tasks = feedBack("R1", "2026-02-12").tasks;
        tA1 = tasks.at(0).id;
        tB1 = tasks.at(1).id;
        c1 = transferClue(db, inspector, fA1, "纪委监委", day("2026-02-20")).clue.id;
        escalate(db, admin, day("2026-04-01"));  // both tasks turn green: notices of R1

        otherRound("R2", "special", "2026-03-02", {"UA", "UB"});
        advanceRound(db, admin, "R2", "onsite", std::string("2026-03-02"), {});
        fA2 = finding("R2", "UA", "资金", std::nullopt, &otherInspector);
        fA2s = suspected("R2", "UA", "fp-2", otherInspector);

        otherRound("R3", "regular", "2026-04-01", {"UB"});
        fB3 = finding("R3", "UB", "选人用人", std::nullopt, &otherInspector);
        otherRound("R4", "lookback", "2026-05-04", {"UA", "UB"}, std::string("R3"));
    }

    // A round of 局外人's.
    void otherRound(const std::string& code, const std::string& kind, const std::string& start,
                    const std::vector<std::string>& targets, std::optional<std::string> lookbackOf = std::nullopt) {
        createRound(db, admin, {code, "第" + code + "轮", kind, start, "2026-12-31", std::nullopt, {"four_styles"}, lookbackOf});
        addRoundTargets(db, admin, code, targets);
        addRoundTeam(db, admin, code, {"局外人"}, std::string("局外人"));
    }

    int64_t suspected(const std::string& round, const std::string& unit, const std::string& fingerprint, const Actor& by) {
        CheckFinding c;
        c.plugin = "four_styles";
        c.rule = "FS-01";
        c.unitCode = unit;
        c.category = "四风";
        c.title = "疑似超标准接待";
        c.fingerprint = fingerprint;
        recordCheckFindings(db, by, round, {c});
        return store::findFindingByFingerprint(db, store::findRoundByCode(db, round)->id, fingerprint)->id;
    }
};

// The UserError message `action` throws; fails the test when it throws none.
template <class Action>
std::string refusal(Action&& action) {
    try {
        action();
    } catch (const patrol::UserError& e) {
        return e.what();
    }
    FAIL("expected a refusal");
    return {};
}

// A record that exists but is hidden is refused with the words used for one that does not exist:
// the refusals differ only in the name the user typed, and the missing one reads `expected`.
template <class Hidden, class Missing>
void refusedAlike(Hidden&& hidden, const std::string& hiddenName, Missing&& missing, const std::string& missingName,
                  const std::string& expected) {
    const std::string missingText = refusal(missing);
    CHECK(missingText == expected);
    CHECK(replaced(refusal(hidden), hiddenName, missingName) == missingText);
}

inline std::string noRound(const std::string& code) {
    return "巡察轮次「" + code + "」不存在。请检查轮次编码。";
}
inline std::string noUnit(const std::string& code) {
    return "单位「" + code + "」不存在。请检查单位编码。";
}
inline std::string noFinding(int64_t id) {
    return "问题 #" + std::to_string(id) + " 不存在，或您无权查看。请检查问题编号。";
}
inline std::string noTask(int64_t id) {
    return "整改任务 #" + std::to_string(id) + " 不存在。";
}
inline std::string noClue(int64_t id) {
    return "问题线索 #" + std::to_string(id) + " 不存在。";
}

}  // namespace security
