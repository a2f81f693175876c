// The matrix rows of /api/v1/rounds. R1 is 张组长's round (targets UA, UB, fed back); R3 is
// 局外人's (target UB only, planned): 甲联系人 and 张组长 may not see it, a leader reads but
// never advances, a unit user reads the rounds its unit is a target of and advances none.
#include "matrix.hpp"

namespace patrol::testing {

std::vector<MatrixRow> roundRows(const ServedWorld&) {
    const std::string base = "/api/v1/rounds/";
    auto onRound = [&](const std::string& method, const std::string& code, const std::string& tail, const std::string& body,
                       std::map<Caller, int> expected) {
        return MatrixRow{method, base + code + tail, body, base + "NO-SUCH" + tail, code, std::move(expected)};
    };
    return {
        {"GET", "/api/v1/rounds", "", "", "", statuses(200, 200, 200, 200, 200, 200)},
        onRound("GET", "R1", "", "", statuses(200, 200, 200, 404, 200, 200)),
        onRound("GET", "R3", "", "", statuses(200, 200, 404, 200, 404, 200)),
        onRound("POST", "R1", "/advance", R"({"to":"rectifying"})", statuses(200, 403, 200, 404, 403, 403)),
        onRound("POST", "R3", "/advance", R"({"to":"onsite"})", statuses(200, 403, 404, 200, 404, 403)),
    };
}

}  // namespace patrol::testing
