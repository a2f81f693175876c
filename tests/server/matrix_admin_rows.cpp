// The matrix rows of /api/v1/units and /api/v1/users. Everyone reads the units they may see (a
// unit user its own only: UB reads as missing to 甲联系人); only the admin changes units and
// users, and leaders also read the user list.
#include "matrix.hpp"

namespace patrol::testing {

std::vector<MatrixRow> adminRows(const ServedWorld&) {
    const std::string inspector = "%E5%BC%A0%E7%BB%84%E9%95%BF";                 // 张组长
    const std::string revoked = "%E7%A6%BB%E8%81%8C%E4%BA%BA%E5%91%98";        // 离职人员
    return {
        {"GET", "/api/v1/units", "", "", "", statuses(200, 200, 200, 200, 200, 200)},
        {"GET", "/api/v1/units/UB", "", "/api/v1/units/NOPE", "UB", statuses(200, 200, 200, 200, 404, 200)},
        {"POST", "/api/v1/units", R"({"code":"UD","name":"丁村","kind":"village","parent":"UA"})", "", "",
         statuses(201, 403, 403, 403, 403, 403)},
        {"PATCH", "/api/v1/units/UA", R"({"head":"周建国","contact":"李娜 0571-8800123"})", "", "", statuses(200, 403, 403, 403, 403, 403)},
        {"GET", "/api/v1/users", "", "", "", statuses(200, 200, 403, 403, 403, 403)},
        {"POST", "/api/v1/users", R"({"name":"新同事","role":"unit","unit":"UA","conflict":["UB"]})", "", "",
         statuses(201, 403, 403, 403, 403, 403)},
        {"POST", "/api/v1/users/" + inspector + "/revoke", "", "", "", statuses(200, 403, 403, 403, 403, 403)},
        {"POST", "/api/v1/users/" + revoked + "/restore", "", "", "", statuses(200, 403, 403, 403, 403, 403)},
    };
}

}  // namespace patrol::testing
