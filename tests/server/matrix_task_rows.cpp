// The matrix rows of /api/v1/tasks and /api/v1/evidence. Task tA1 is UA's in R1 (张组长's round);
// 局外人 and 乙联系人 may not see it, 甲联系人 acts on it, inspectors of R1 judge it, leaders decide
// extensions.
#include "matrix.hpp"

namespace patrol::testing {

std::vector<MatrixRow> taskRows(const ServedWorld& w) {
    const std::string t = std::to_string(w.tA1);
    const std::string base = "/api/v1/tasks/";
    auto onTask = [&](const std::string& method, const std::string& tail, const std::string& body, std::map<Caller, int> expected) {
        return MatrixRow{method, base + t + tail, body, base + "999999" + tail, t, std::move(expected)};
    };
    return {
        {"GET", "/api/v1/tasks", "", "", "", statuses(200, 200, 200, 200, 200, 200)},
        {"GET", "/api/v1/tasks?round=R1", "", "", "", statuses(200, 200, 200, 404, 200, 200)},
        onTask("GET", "", "", statuses(200, 200, 200, 404, 200, 404)),
        onTask("POST", "/plan", R"({"measure":"清退","handler":"李明","leader":"王强"})", statuses(200, 403, 403, 404, 200, 404)),
        onTask("POST", "/progress", R"({"percent":50,"note":"过半"})", statuses(409, 403, 403, 404, 409, 404)),
        onTask("POST", "/submit", "{}", statuses(409, 403, 403, 404, 409, 404)),
        onTask("POST", "/accept", R"({"note":"经核查整改到位"})", statuses(409, 403, 409, 404, 403, 404)),
        onTask("POST", "/return", R"({"reason":"材料不足"})", statuses(409, 403, 409, 404, 403, 404)),
        onTask("POST", "/extension", R"({"to":"2027-12-31","reason":"需等待审计结论"})", statuses(201, 403, 403, 404, 201, 404)),
        onTask("POST", "/extension/approve", "{}", statuses(409, 409, 403, 404, 403, 404)),
        onTask("POST", "/extension/deny", R"({"reason":"理由不充分"})", statuses(409, 409, 403, 404, 403, 404)),
    };
}

}  // namespace patrol::testing

#include <sstream>

#include "core/services/evidence_location.hpp"
#include "core/services/task_service.hpp"

namespace patrol::testing {

// Evidence follows its task: 乙联系人 reports progress on UB's task tB1 with a file; R1's
// inspectors, leaders and admins may download it, 甲联系人 and 局外人 may not know it exists.
std::vector<MatrixRow> evidenceRows(ServedWorld& w) {
    const auto unitB = services::actorByName(w.db, "乙联系人");
    services::planTask(w.db, unitB, w.tB1, "整改", "李四", "王五", day("2026-03-01"));
    std::istringstream bytes("收据");
    services::ProgressInput input;
    input.percent = 50;
    input.note = "过半";
    input.day = day("2026-03-02");
    input.evidence.push_back({"收据.pdf", &bytes, std::nullopt, {}});
    const services::EvidenceStore store(services::evidenceFolderOf(w.path()), 1 << 20);
    services::reportProgress(w.db, unitB, w.tB1, input, store);
    const std::string id = std::to_string(services::showTask(w.db, unitB, w.tB1).evidence.at(0).id);
    return {{"GET", "/api/v1/evidence/" + id, "", "/api/v1/evidence/999999", id, statuses(200, 200, 200, 404, 404, 200)},
            {"GET", "/api/v1/me", "", "", "", statuses(200, 200, 200, 200, 200, 200)}};
}

}  // namespace patrol::testing
