// The matrix rows of /api/v1/notices and /api/v1/escalate. R1's notices are about UA's and UB's
// tasks; 局外人 may not name R1, 甲联系人 may not name UB; unit users never escalate.
#include "matrix.hpp"

namespace patrol::testing {

std::vector<MatrixRow> noticeRows(const ServedWorld&) {
    return {
        {"GET", "/api/v1/notices", "", "", "", statuses(200, 200, 200, 200, 200, 200)},
        {"GET", "/api/v1/notices?round=R1&level=green&since=2026-01-01", "", "", "", statuses(200, 200, 200, 404, 200, 200)},
        {"GET", "/api/v1/notices?unit=UB", "", "", "", statuses(200, 200, 200, 200, 404, 200)},
        {"POST", "/api/v1/escalate", R"({"as_of":"2026-06-30"})", "", "", statuses(200, 200, 200, 200, 403, 403)},
    };
}

}  // namespace patrol::testing
