// Through the `patrol` executable: list filters naming a round or unit the user may not see are
// refused exactly like codes that do not exist.
#include "hidden_county.hpp"

using namespace security;

TEST_CASE("patrol: a unit user's list filters cannot tell other units and rounds from missing ones",
          "[security][cli][filter]") {
    HiddenCounty c;
    const std::string u = "甲联系人";
    for (const char* other : {"UB", "UC"}) {
        c.refusedAlike(u, {"task", "list", "--unit", other}, other, {"task", "list", "--unit", "UZ"}, "UZ", kNoUZ);
        c.refusedAlike(u, {"finding", "list", "--unit", other}, other, {"finding", "list", "--unit", "UZ"}, "UZ", kNoUZ);
    }
    c.refusedAlike(u, {"task", "list", "--round", "R3"}, "R3", {"task", "list", "--round", "R9"}, "R9", kNoR9);
    c.refusedAlike(u, {"finding", "list", "--round", "R3"}, "R3", {"finding", "list", "--round", "R9"}, "R9", kNoR9);
    c.refusedAlike(u, {"clue", "list", "--round", "R3"}, "R3", {"clue", "list", "--round", "R9"}, "R9", kNoR9);
    c.refusedAlike(u, {"clue", "stats", "--round", "R3"}, "R3", {"clue", "stats", "--round", "R9"}, "R9", kNoR9);
}

TEST_CASE("patrol: an inspector's list filters cannot tell a round it is not on from a missing one",
          "[security][cli][filter]") {
    HiddenCounty c;
    const std::string o = "局外人";
    c.refusedAlike(o, {"finding", "list", "--round", "R1"}, "R1", {"finding", "list", "--round", "R9"}, "R9", kNoR9);
    c.refusedAlike(o, {"task", "list", "--round", "R1"}, "R1", {"task", "list", "--round", "R9"}, "R9", kNoR9);
    c.refusedAlike(o, {"clue", "list", "--round", "R1"}, "R1", {"clue", "list", "--round", "R9"}, "R9", kNoR9);
    c.refusedAlike(o, {"clue", "stats", "--round", "R1"}, "R1", {"clue", "stats", "--round", "R9"}, "R9", kNoR9);
}
