// Through the `patrol` executable: the demo county lists rounds and findings as the named user
// sees them, not as the office does.
#include <sstream>

#include "hidden_county.hpp"

using namespace security;

TEST_CASE("patrol demo shows a named unit user only what it may see", "[security][cli][demo]") {
    ScratchDir dir;
    Patrol patrol{dir};
    REQUIRE(patrol({"demo", "--format", "csv"}).exitCode == 0);
    const Run office = patrol({"demo", "--format", "csv"});
    CHECK(office.out.find(",suspected,") != std::string::npos);
    CHECK(office.out.find(",dismissed,") != std::string::npos);
    const Run unit = patrol({"demo", "--format", "csv"}, "赵敏");  // the contact of QX-HT
    REQUIRE(unit.exitCode == 0);
    CHECK(unit.out.find(",suspected,") == std::string::npos);
    CHECK(unit.out.find(",dismissed,") == std::string::npos);
    CHECK(unit.out.find(",confirmed,") == std::string::npos);
    CHECK(unit.out.find("transferred") == std::string::npos);
    // Every finding row it gets is of its own unit.
    std::istringstream rows(unit.out.substr(unit.out.find("id,round,unit,")));
    std::string line;
    std::getline(rows, line);
    int findings = 0;
    while (std::getline(rows, line) && !line.empty() && line != "\r") {
        CHECK(line.find(",QX-HT,") != std::string::npos);
        ++findings;
    }
    CHECK(findings > 0);
    const Run stranger = patrol({"demo"}, "冒名者");
    CHECK(stranger.exitCode == 2);
    CHECK(stranger.out.empty());
}
