// The matrix rows of /api/v1/findings. fA1 is UA's in R1 (张组长's round, fed back), so 甲联系人
// reads it but may not decide it; fA2s is UA's suspected finding in R2 (局外人's round), which no
// unit user sees before feedback. A leader reads every finding and decides none.
#include "matrix.hpp"

namespace patrol::testing {

std::vector<MatrixRow> findingRows(const ServedWorld& w) {
    const std::string base = "/api/v1/findings/";
    auto onFinding = [&](const std::string& method, int64_t id, const std::string& tail, const std::string& body,
                         std::map<Caller, int> expected) {
        const std::string shown = std::to_string(id);
        return MatrixRow{method, base + shown + tail, body, base + "999999" + tail, shown, std::move(expected)};
    };
    const std::string suspected = std::to_string(w.fA2s);
    return {
        {"GET", "/api/v1/findings", "", "", "", statuses(200, 200, 200, 200, 200, 200)},
        {"GET", "/api/v1/findings?round=R3&status=confirmed", "", "", "", statuses(200, 200, 404, 200, 404, 200)},
        onFinding("GET", w.fA1, "", "", statuses(200, 200, 200, 404, 200, 404)),
        onFinding("GET", w.fA2s, "", "", statuses(200, 200, 404, 200, 404, 404)),
        {"POST", "/api/v1/findings", R"({"round":"R2","unit":"UA","category":"四风","title":"超标准公务接待","amount":"399.96"})", "", "",
         statuses(201, 403, 404, 201, 403, 403)},
        onFinding("POST", w.fA2s, "/confirm", "{}", statuses(200, 403, 404, 200, 404, 404)),
        onFinding("POST", w.fA2s, "/dismiss", R"({"reason":"经核实为正常业务往来"})", statuses(200, 403, 404, 200, 404, 404)),
        onFinding("POST", w.fA1, "/confirm", "{}", statuses(409, 403, 409, 404, 403, 404)),
        {"POST", "/api/v1/findings/confirm", R"({"ids":[)" + suspected + "]}", "", "", statuses(200, 403, 404, 200, 404, 404)},
        {"POST", "/api/v1/findings/dismiss", R"({"ids":[)" + suspected + R"(],"reason":"经核实为正常业务往来"})", "", "",
         statuses(200, 403, 404, 200, 404, 404)},
    };
}

}  // namespace patrol::testing
