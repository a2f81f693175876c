// Runs the role × endpoint matrix (matrix.hpp) against `patrol serve` over real HTTP. Refusals
// write nothing, so one server answers every refused caller of a row; each caller allowed to
// change something gets its own copy of the county, so one success never changes another's answer.
#include <catch2/catch.hpp>

#include <sstream>

#include "http_call.hpp"
#include "matrix.hpp"
#include "server_process.hpp"

using namespace patrol::testing;

namespace patrol::testing {

std::map<Caller, int> statuses(int admin, int leader, int inspector, int otherInspector, int unitA, int unitB) {
    return {{Caller::Admin, admin},   {Caller::Leader, leader}, {Caller::Inspector, inspector}, {Caller::OtherInspector, otherInspector},
            {Caller::UnitA, unitA},   {Caller::UnitB, unitB},   {Caller::Anonymous, 401},       {Caller::Revoked, 401}};
}

}  // namespace patrol::testing

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    return text;
}

std::string missingId(const std::string& missingPath, const std::string& path) {
    // The first segment where the two paths differ.
    std::istringstream a(missingPath), b(path);
    std::string x, y;
    while (std::getline(a, x, '/') && std::getline(b, y, '/'))
        if (x != y) return x;
    return {};
}

// A consistent copy of the world's database, taken while its connection is open, with its
// evidence folder next to it.
std::string copyOf(ServedWorld& world, const std::string& name) {
    const std::string target = (world.dir / (name + ".db")).string();
    std::filesystem::remove(target);
    world.db.exec("VACUUM INTO '" + target + "'");
    const auto evidence = world.dir / "p.evidence";
    if (std::filesystem::exists(evidence))
        std::filesystem::copy(evidence, world.dir / (name + ".evidence"), std::filesystem::copy_options::recursive);
    return target;
}

HttpAnswer send(const ServerProcess& server, const ServedWorld& world, const MatrixRow& row, Caller caller, const std::string& path) {
    return call(server.port(), {row.method, path, world.token(caller), row.body, row.contentType});
}

std::string label(const MatrixRow& row, Caller caller) { return row.method + " " + row.path + " as " + callerName(caller); }

std::vector<MatrixRow> everyRow(const ServedWorld& world) {
    std::vector<MatrixRow> rows;
    for (auto* area : {&taskRows, &roundRows, &findingRows, &checkRows, &clueRows, &noticeRows, &adminRows}) {
        auto part = area(world);
        rows.insert(rows.end(), part.begin(), part.end());
    }
    return rows;
}

}  // namespace

TEST_CASE("every endpoint answers every kind of caller as the matrix says, and hidden reads as missing", "[server][matrix]") {
    ServedWorld world;
    auto rows = evidenceRows(world);
    const auto attachments = attachmentRows(world);
    rows.insert(rows.end(), attachments.begin(), attachments.end());
    const auto others = everyRow(world);
    rows.insert(rows.end(), others.begin(), others.end());
    REQUIRE(!rows.empty());
    int copies = 0;
    for (const auto& row : rows) {
        REQUIRE(row.expected.size() == allCallers().size());
        {
            ServerProcess server(copyOf(world, "refusals" + std::to_string(++copies)));
            for (const Caller caller : allCallers()) {
                if (row.expected.at(caller) < 400) continue;
                INFO(label(row, caller));
                const auto answer = send(server, world, row, caller, row.path);
                CHECK(answer.status == row.expected.at(caller));
                if (answer.status == 404 && !row.missingPath.empty()) {
                    const auto missing = send(server, world, row, caller, row.missingPath);
                    CHECK(missing.status == 404);
                    CHECK(answer.body == replaced(missing.body, missingId(row.missingPath, row.path), row.hiddenId));
                }
            }
        }
        for (const Caller caller : allCallers()) {
            if (row.expected.at(caller) >= 400) continue;
            INFO(label(row, caller));
            ServerProcess server(copyOf(world, "success" + std::to_string(++copies)));
            const auto answer = send(server, world, row, caller, row.path);
            CHECK(answer.status == row.expected.at(caller));
            if (answer.status != row.expected.at(caller)) UNSCOPED_INFO(answer.body);
        }
    }
}
