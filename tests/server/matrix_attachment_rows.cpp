// The matrix rows of a finding's attachments (取证材料) and of checks on uploaded files. fA1 is
// UA's finding in R1 (张组长's round), fed back: 甲联系人 reads the finding but never its
// attachments; leaders read them and add none. R2 is 局外人's round, with four_styles enabled.
#include <sstream>

#include "core/services/evidence_location.hpp"
#include "core/services/finding_attachments.hpp"
#include "matrix.hpp"
#include "upload_world.hpp"

namespace patrol::testing {

std::vector<MatrixRow> attachmentRows(ServedWorld& w) {
    std::istringstream bytes("现场照片");
    const services::EvidenceStore store(services::evidenceFolderOf(w.path()), 1 << 20);
    const auto added = services::attachToFinding(w.db, w.inspector, w.fA1, {{"照片.jpg", &bytes, std::nullopt, {}}}, store);
    const std::string f = std::to_string(w.fA1);
    const std::string a = std::to_string(added.at(0).id);
    const std::string base = "/api/v1/findings/";
    const std::string upload = multipartBody({file("file", "扫描件内容", "扫描件.pdf")});
    return {
        {"GET", base + f + "/attachments", "", base + "999999/attachments", f, statuses(200, 200, 200, 404, 200, 404)},
        {"GET", base + f + "/attachments/" + a, "", base + f + "/attachments/999999", a, statuses(200, 200, 200, 404, 404, 404)},
        {"POST", base + f + "/attachments", upload, base + "999999/attachments", f, statuses(201, 403, 201, 404, 403, 404),
         kMultipartType},
    };
}

std::vector<MatrixRow> checkRows(const ServedWorld&) {
    const std::string csv =
        "expense_id,unit_code,date,category,amount,headcount,vendor,description\n"
        "E1,UA,2026-03-10,reception,1000.00,2,某酒店,接待\n";
    const std::string upload = multipartBody({field("as_of", "2026-06-30"), file("file", csv, "expenses.csv")});
    return {
        {"POST", "/api/v1/rounds/R2/checks", upload, "/api/v1/rounds/NOPE/checks", "R2", statuses(200, 403, 404, 200, 403, 403),
         kMultipartType},
    };
}

}  // namespace patrol::testing
