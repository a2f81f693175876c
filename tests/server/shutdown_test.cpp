// Stopping the server: SIGTERM lets an upload in flight finish before exit 0; kill -9 in the
// middle of a burst of uploads loses nothing that was acknowledged and breaks no audit chain.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <regex>
#include <thread>

#include "core/digest/sha256.hpp"
#include "http_call.hpp"
#include "raw_client.hpp"
#include "server_process.hpp"
#include "upload_world.hpp"

using namespace patrol::testing;

namespace {

// Pseudo-random bytes, different for each seed, so every upload is stored as its own file.
std::string contentOf(int seed, size_t size) {
    std::string bytes(size, '\0');
    uint32_t x = 2463534242u + static_cast<uint32_t>(seed) * 7919u;
    for (auto& c : bytes) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        c = static_cast<char>(x & 0xff);
    }
    return bytes;
}

struct StoredUpload {
    std::string sha256;
    std::string storedPath;
};

// The evidence row kept for the progress report with this note.
std::optional<StoredUpload> evidenceOfReport(UploadWorld& world, const std::string& note) {
    auto row = world.db.prepare(
        "SELECT e.sha256, e.stored_path FROM evidence e JOIN progress_reports p ON e.progress_id = p.id WHERE p.narrative = ?");
    row.bind(1, note);
    if (!row.step()) return std::nullopt;
    return StoredUpload{row.text(0), row.text(1)};
}

}  // namespace

TEST_CASE("SIGTERM while an upload is still arriving: the upload completes with 200 and the server exits 0", "[server][shutdown]") {
    UploadWorld world;
    ServerProcess server(world.path());
    const std::string content = contentOf(1, 300000);
    const std::string form = multipartBody({field("percent", "70"), field("note", "停机前上传"), file("evidence", content, "照片.jpg")});
    RawClient client(server.port());
    client.send(requestHead("POST", world.progressPath(),
                            {"Authorization: Bearer " + world.token(Caller::UnitA), "Content-Type: " + kMultipartType,
                             "Content-Length: " + std::to_string(form.size())}) +
                form.substr(0, form.size() / 3));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    int exitCode = -1;
    std::thread stopper([&] { exitCode = server.stop(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    client.send(form.substr(form.size() / 3));
    const auto answer = parseAnswer(client.readToClose());
    stopper.join();
    CHECK(answer.status == 200);
    CHECK(exitCode == 0);
    const auto stored = evidenceOfReport(world, "停机前上传");
    REQUIRE(stored);
    CHECK(stored->sha256 == patrol::digest::sha256Hex(content));
    CHECK(patrol::digest::sha256OfFile(world.evidenceFolder() + "/" + stored->storedPath) == stored->sha256);
    CHECK(server.log().find("收到停止信号") != std::string::npos);
    CHECK(server.log().find("patrol serve 已停止。") != std::string::npos);
}

TEST_CASE("kill -9 during a burst of uploads: audit verify passes and every acknowledged upload is there with its file",
          "[server][shutdown]") {
    UploadWorld world;
    auto server = std::make_unique<ServerProcess>(world.path());
    const int port = server->port();
    const std::string token = world.token(Caller::UnitA);
    std::mutex mutex;
    std::map<std::string, std::string> acknowledged;  // note -> sha256 of the bytes sent
    std::atomic<int> refused{0}, failed{0};
    std::atomic<bool> killed{false};
    std::vector<std::thread> clients;
    for (int t = 0; t < 6; ++t) {
        clients.emplace_back([&, t] {
            for (int i = 0; !killed && i < 200; ++i) {
                const std::string note = "线程" + std::to_string(t) + "第" + std::to_string(i) + "次";
                const std::string content = contentOf(t * 1000 + i, 20000 + static_cast<size_t>((t * 37 + i * 101) % 200) * 1000);
                HttpRequest upload{"POST", world.progressPath(), token,
                                   multipartBody({field("percent", std::to_string(i % 101)), field("note", note), file("evidence", content, note + ".bin")}),
                                   kMultipartType, {}};
                try {
                    const auto answer = call(port, upload);
                    if (answer.status / 100 == 2) {
                        std::lock_guard lock(mutex);
                        acknowledged[note] = patrol::digest::sha256Hex(content);
                    } else {
                        ++refused;
                    }
                } catch (const std::exception&) {
                    ++failed;  // the server went away mid-request
                }
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const std::string serverPid = std::to_string(server->pid());
    server->kill();
    killed = true;
    for (auto& c : clients) c.join();
    INFO(acknowledged.size() << " acknowledged, " << refused << " refused, " << failed << " cut off by the kill");
    CHECK(acknowledged.size() > 5);
    CHECK(refused == 0);

    const auto verify = runPatrol({"audit", "verify", "--db", world.path()});
    CHECK(verify.exitCode == 0);
    CHECK(verify.output.find("审计日志完整") != std::string::npos);
    CHECK(verify.output.find("数据与审计记录一致") != std::string::npos);

    for (const auto& [note, sha256] : acknowledged) {
        INFO(note);
        const auto stored = evidenceOfReport(world, note);
        REQUIRE(stored);
        CHECK(stored->sha256 == sha256);
        CHECK(patrol::digest::sha256OfFile(world.evidenceFolder() + "/" + stored->storedPath) == sha256);
    }

    // What the kill may leave: content files whose transaction never committed, and the evidence
    // store's own temporaries (.incoming-<pid>-<n>) of uploads cut off while being copied. The
    // upload spool (O_TMPFILE) leaves nothing; nothing else may be there.
    const std::regex stored(R"([0-9a-f]{2}/[0-9a-f]{64})"), incoming("\\.incoming-" + serverPid + "-[0-9]+");
    int orphans = 0, temporaries = 0;
    for (const auto& f : world.evidenceFiles()) {
        INFO(f);
        const bool isStored = std::regex_match(f, stored), isIncoming = std::regex_match(f, incoming);
        CHECK((isStored || isIncoming));
        if (isIncoming) ++temporaries;
        if (isStored) {
            auto row = world.db.prepare("SELECT COUNT(*) FROM evidence WHERE stored_path = ?");
            row.bind(1, f);
            row.step();
            if (row.integer(0) == 0) ++orphans;
        }
    }
    WARN("after kill -9: " << acknowledged.size() << " uploads acknowledged, " << failed << " cut off; left in the evidence folder: "
                           << temporaries << " .incoming temporaries, " << orphans << " stored files no row refers to");
}
