// Listing filters: a round or unit code the actor may not see is refused exactly like a code
// that does not exist, instead of answering with an empty list (which told existing codes apart).
#include <catch2/catch.hpp>

#include "core/services/task_service.hpp"
#include "hidden_world.hpp"

using namespace security;

TEST_CASE("a unit user's finding, task and clue filters treat other rounds and units as missing",
          "[security][unit][filter]") {
    HiddenWorld w;
    const Actor& a = w.unitA;
    refusedAlike([&] { listFindings(w.db, a, {std::string("R3"), std::nullopt, std::nullopt}); }, "R3",
                 [&] { listFindings(w.db, a, {std::string("R9"), std::nullopt, std::nullopt}); }, "R9", noRound("R9"));
    for (const char* other : {"UB", "UC"})
        refusedAlike([&] { listFindings(w.db, a, {std::nullopt, std::string(other), std::nullopt}); }, other,
                     [&] { listFindings(w.db, a, {std::nullopt, std::string("UZ"), std::nullopt}); }, "UZ", noUnit("UZ"));

    auto tasks = [&](std::optional<std::string> round, std::optional<std::string> unit) {
        return [&w, &a, round, unit] {
            TaskFilter f;
            f.asOf = day("2026-04-01");
            f.roundCode = round;
            f.unitCode = unit;
            listTasks(w.db, a, f);
        };
    };
    refusedAlike(tasks("R3", std::nullopt), "R3", tasks("R9", std::nullopt), "R9", noRound("R9"));
    refusedAlike(tasks(std::nullopt, "UB"), "UB", tasks(std::nullopt, "UZ"), "UZ", noUnit("UZ"));
    refusedAlike(tasks(std::nullopt, "UC"), "UC", tasks(std::nullopt, "UZ"), "UZ", noUnit("UZ"));
    refusedAlike(tasks("R3", "UB"), "R3", tasks("R9", "UB"), "R9", noRound("R9"));

    refusedAlike([&] { listClues(w.db, a, std::string("R3")); }, "R3", [&] { listClues(w.db, a, std::string("R9")); },
                 "R9", noRound("R9"));
    refusedAlike([&] { clueStatistics(w.db, a, std::string("R3")); }, "R3",
                 [&] { clueStatistics(w.db, a, std::string("R9")); }, "R9", noRound("R9"));
}

TEST_CASE("an inspector's filters treat rounds it is not on as missing", "[security][inspector][filter]") {
    HiddenWorld w;
    const Actor& o = w.otherInspector;
    refusedAlike([&] { listFindings(w.db, o, {std::string("R1"), std::nullopt, std::nullopt}); }, "R1",
                 [&] { listFindings(w.db, o, {std::string("R9"), std::nullopt, std::nullopt}); }, "R9", noRound("R9"));
    // Units are the county's register, not a secret to inspectors: a unit filter narrows to their rounds.
    const auto ua = listFindings(w.db, o, {std::nullopt, std::string("UA"), std::nullopt});
    REQUIRE(ua.size() == 2);
    for (const auto& f : ua) CHECK(f.roundCode == "R2");
    TaskFilter r1, r9;
    r1.roundCode = "R1";
    r9.roundCode = "R9";
    refusedAlike([&] { listTasks(w.db, o, r1); }, "R1", [&] { listTasks(w.db, o, r9); }, "R9", noRound("R9"));
    refusedAlike([&] { listClues(w.db, o, std::string("R1")); }, "R1", [&] { listClues(w.db, o, std::string("R9")); },
                 "R9", noRound("R9"));
    refusedAlike([&] { clueStatistics(w.db, o, std::string("R1")); }, "R1",
                 [&] { clueStatistics(w.db, o, std::string("R9")); }, "R9", noRound("R9"));
}
