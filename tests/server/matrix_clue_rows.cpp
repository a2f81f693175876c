// The matrix rows of /api/v1/clues and the transfer of a finding as a clue. Clue c1 (finding fA1
// of R1) exists only for admin, leaders and R1's inspector; to 局外人 and to both unit users its
// number reads as missing. Leaders read clues but never change them.
#include "matrix.hpp"

namespace patrol::testing {

std::vector<MatrixRow> clueRows(const ServedWorld& w) {
    const std::string c = std::to_string(w.c1);
    auto onClue = [&](const std::string& method, const std::string& tail, const std::string& body, std::map<Caller, int> expected) {
        return MatrixRow{method, "/api/v1/clues/" + c + tail, body, "/api/v1/clues/999999" + tail, c, std::move(expected)};
    };
    auto onFinding = [&](int64_t finding, const std::string& body, std::map<Caller, int> expected) {
        const std::string f = std::to_string(finding);
        return MatrixRow{"POST", "/api/v1/findings/" + f + "/clue", body, "/api/v1/findings/999999/clue", f, std::move(expected)};
    };
    return {
        onFinding(w.fB1, R"({"to":"组织部","date":"2026-03-01"})", statuses(201, 403, 201, 404, 404, 403)),
        onFinding(w.fA1, R"({"to":"组织部"})", statuses(409, 403, 409, 404, 403, 404)),
        {"GET", "/api/v1/clues", "", "", "", statuses(200, 200, 200, 200, 200, 200)},
        {"GET", "/api/v1/clues?round=R1", "", "", "", statuses(200, 200, 200, 404, 200, 200)},
        {"GET", "/api/v1/clues/stats", "", "", "", statuses(200, 200, 200, 200, 200, 200)},
        {"GET", "/api/v1/clues/stats?round=R3", "", "", "", statuses(200, 200, 404, 200, 404, 200)},
        onClue("GET", "", "", statuses(200, 200, 200, 404, 404, 404)),
        onClue("POST", "/dispose", R"({"method":"preliminary","note":"初核","date":"2026-03-01"})", statuses(200, 403, 200, 404, 404, 404)),
        onClue("POST", "/outcome", R"({"person":"张某","level":"乡科级","form":"f2","date":"2026-03-01"})",
               statuses(409, 403, 409, 404, 404, 404)),
    };
}

}  // namespace patrol::testing
