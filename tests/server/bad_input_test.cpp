// Bad input at the door: each refused with a 4xx and an exact Chinese message, nothing written
// (rows and evidence files compared before and after), and the server still serving after it.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "core/services/evidence_store.hpp"
#include "core/digest/sha256.hpp"

#include "data/scoped_limit.hpp"
#include "http_call.hpp"
#include "raw_client.hpp"
#include "server_process.hpp"
#include "upload_world.hpp"

using namespace patrol::testing;

namespace {

const std::string kMe = R"({"name":"甲联系人","role":"unit","unit":"UA"})";

// The next well-formed request is served as usual.
void stillServing(const ServerProcess& server, const UploadWorld& world) {
    const auto me = get(server.port(), "/api/v1/me", world.token(Caller::UnitA));
    CHECK(me.status == 200);
    CHECK(me.body == kMe);
}

std::string errorBody(const std::string& code, const std::string& message, const std::string& field = "") {
    return R"({"error":{"code":")" + code + R"(","message":")" + message + "\"" + (field.empty() ? "" : R"(,"field":")" + field + "\"") + "}}";
}

std::string raw(const std::string& method, const std::string& path, const std::string& token, const std::vector<std::string>& headers,
                const std::string& body) {
    std::vector<std::string> all{"Authorization: Bearer " + token};
    all.insert(all.end(), headers.begin(), headers.end());
    return requestHead(method, path, all) + body;
}

}  // namespace

TEST_CASE("malformed JSON, wrong types and unknown fields are 400 naming the problem, nothing written", "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path());
    const std::string before = world.footprint();
    struct Case {
        std::string body;
        std::string expected;
    };
    const std::vector<Case> cases{
        {R"({"percent":50,"note":"过半")",
         errorBody("malformed_json", "请求体不是有效的 JSON：应为一个 JSON 对象，例如 {\\\"note\\\": \\\"…\\\"}。请检查引号、逗号和括号。")},
        {R"([50,"过半"])", errorBody("malformed_json", "请求体应为一个 JSON 对象（以 { 开头），收到的是其他 JSON 值。")},
        {R"({"percent":"50","note":"过半"})", errorBody("wrong_type", "字段 percent 的类型不对：应为整数。", "percent")},
        {R"({"percent":50.5,"note":"过半"})", errorBody("wrong_type", "字段 percent 的类型不对：应为整数。", "percent")},
        {R"({"percent":true,"note":"过半"})", errorBody("wrong_type", "字段 percent 的类型不对：应为整数。", "percent")},
        {R"({"percent":50,"note":["过半"]})", errorBody("wrong_type", "字段 note 的类型不对：应为字符串。", "note")},
        {R"({"percent":50,"note":"过半","evidence":"a.pdf"})",
         errorBody("unknown_field", "不认识的字段 evidence：这个接口不接受它。请检查拼写，或查阅 docs/api.md。", "evidence")},
    };
    for (const auto& c : cases) {
        INFO(c.body);
        const auto answer = post(server.port(), world.progressPath(), world.token(Caller::UnitA), c.body);
        CHECK(answer.status == 400);
        CHECK(answer.body == c.expected);
        CHECK(answer.header("Content-Type") == "application/json; charset=utf-8");
    }
    CHECK(changes(before, world.footprint()) == "");
    stillServing(server, world);
}

TEST_CASE("a body of the wrong content type is 415, a JSON endpoint and the upload endpoint each saying what they take",
          "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path());
    const std::string before = world.footprint();
    HttpRequest plan{"POST", "/api/v1/tasks/" + std::to_string(world.tA1) + "/plan", world.token(Caller::UnitA),
                     "measure=x&handler=y&leader=z", "application/x-www-form-urlencoded", {}};
    const auto planned = call(server.port(), plan);
    CHECK(planned.status == 415);
    CHECK(planned.body == errorBody("unsupported_media_type",
                                    "这个接口只接受 JSON 请求体（Content-Type: application/json），收到的是 application/x-www-form-urlencoded。"));
    HttpRequest progress{"POST", world.progressPath(), world.token(Caller::UnitA), "percent=50", "text/plain", {}};
    const auto reported = call(server.port(), progress);
    CHECK(reported.status == 415);
    CHECK(reported.body ==
          errorBody("unsupported_media_type", "这个接口接受 multipart/form-data（带文件上传）或 application/json，收到的是「text/plain」。"));
    CHECK(changes(before, world.footprint()) == "");
    stillServing(server, world);
}

TEST_CASE("a body over server.max_body_bytes is 413, announced by Content-Length or sent chunked without one",
          "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path(), world.config({"max_body_bytes = 4096"}));
    const std::string before = world.footprint();
    const std::string tooLarge =
        errorBody("too_large", "请求体超过上限 4096 字节（配置项 server.max_body_bytes），已停止接收，未作任何改动。");
    const std::string token = world.token(Caller::UnitA);
    const std::string note(6000, 'x');
    const std::string json = R"({"percent":50,"note":")" + note + R"("})";

    SECTION("JSON announced by Content-Length: refused before the body is read") {
        RawClient client(server.port());
        client.send(raw("POST", world.progressPath(), token,
                        {"Content-Type: application/json", "Content-Length: " + std::to_string(json.size())}, ""));
        const auto answer = parseAnswer(client.readToClose());
        CHECK(answer.status == 413);
        CHECK(answer.body == tooLarge);
    }
    SECTION("JSON sent chunked: refused once the limit is passed while reading") {
        RawClient client(server.port());
        std::string chunks;
        for (size_t at = 0; at < json.size(); at += 1000) {
            const std::string piece = json.substr(at, 1000);
            char size[16];
            std::snprintf(size, sizeof size, "%zx", piece.size());
            chunks += std::string(size) + "\r\n" + piece + "\r\n";
        }
        client.send(raw("POST", world.progressPath(), token, {"Content-Type: application/json", "Transfer-Encoding: chunked"},
                        chunks + "0\r\n\r\n"));
        const auto answer = parseAnswer(client.readToClose());
        CHECK(answer.status == 413);
        CHECK(answer.body == tooLarge);
    }
    SECTION("an upload announced by Content-Length") {
        const std::string form = multipartBody({field("percent", "50"), field("note", "附件"), file("evidence", std::string(6000, 'e'), "big.pdf")});
        RawClient client(server.port());
        client.send(raw("POST", world.progressPath(), token,
                        {"Content-Type: " + kMultipartType, "Content-Length: " + std::to_string(form.size())}, ""));
        const auto answer = parseAnswer(client.readToClose());
        CHECK(answer.status == 413);
        CHECK(answer.body == tooLarge);
    }
    SECTION("an upload sent chunked") {
        const std::string form = multipartBody({field("percent", "50"), field("note", "附件"), file("evidence", std::string(6000, 'e'), "big.pdf")});
        char size[16];
        std::snprintf(size, sizeof size, "%zx", form.size());
        RawClient client(server.port());
        client.send(raw("POST", world.progressPath(), token, {"Content-Type: " + kMultipartType, "Transfer-Encoding: chunked"},
                        std::string(size) + "\r\n" + form + "\r\n0\r\n\r\n"));
        const auto answer = parseAnswer(client.readToClose());
        CHECK(answer.status == 413);
        CHECK(answer.body == tooLarge);
    }
    CHECK(changes(before, world.footprint()) == "");
    stillServing(server, world);
}

TEST_CASE("an upload cut off mid-way is refused with nothing written and no spool file left", "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path());
    const std::string before = world.footprint();
    const std::string form =
        multipartBody({field("percent", "60"), field("note", "附上收据"), file("evidence", std::string(200000, 'r'), "收据.pdf")});
    const std::string head = raw("POST", world.progressPath(), world.token(Caller::UnitA),
                                 {"Content-Type: " + kMultipartType, "Content-Length: " + std::to_string(form.size())}, "");

    SECTION("the sender stops half-way and half-closes: the answer says the form is incomplete") {
        RawClient client(server.port());
        client.send(head + form.substr(0, form.size() / 2));
        client.finishSending();
        const auto answer = parseAnswer(client.readToClose());
        CHECK(answer.status == 400);
        CHECK(answer.body == errorBody("malformed_multipart", "上传的表单不完整（multipart/form-data 在中途断开或格式有误），未作任何改动。请重新上传。"));
    }
    SECTION("the sender hangs up half-way") {
        RawClient client(server.port());
        client.send(head + form.substr(0, form.size() / 2));
        client.close();
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    SECTION("the closing boundary is missing") {
        const std::string cut = form.substr(0, form.size() - std::string("--" + kBoundary + "--\r\n").size());
        RawClient client(server.port());
        client.send(raw("POST", world.progressPath(), world.token(Caller::UnitA),
                        {"Content-Type: " + kMultipartType, "Content-Length: " + std::to_string(cut.size())}, cut));
        const auto answer = parseAnswer(client.readToClose());
        CHECK(answer.status == 400);
        CHECK(answer.body == errorBody("malformed_multipart", "上传的表单不完整（multipart/form-data 在中途断开或格式有误），未作任何改动。请重新上传。"));
    }
    stillServing(server, world);
    CHECK(changes(before, world.footprint()) == "");
}

TEST_CASE("a JSON body cut off before its announced length is refused even where the part received would parse",
          "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path());
    const std::string before = world.footprint();
    const std::string json = R"({"percent":50,"note":"过半"})";
    RawClient client(server.port());
    client.send(raw("POST", world.progressPath(), world.token(Caller::UnitA),
                    {"Content-Type: application/json", "Content-Length: " + std::to_string(json.size() + 40)}, json));
    client.finishSending();
    const auto answer = parseAnswer(client.readToClose());
    CHECK(answer.status == 400);
    CHECK(answer.body == errorBody("incomplete_body", "请求体没有完整收到：声明 " + std::to_string(json.size() + 40) + " 字节，只收到 " +
                                                       std::to_string(json.size()) + " 字节。未作任何改动，请重新发送。"));
    CHECK(changes(before, world.footprint()) == "");
    stillServing(server, world);
}

TEST_CASE("path traversal and control characters in an upload's file name: the stored name is cleaned, the download is safe",
          "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path());
    struct Case {
        std::string sent;
        std::string stored;
        std::string disposition;
    };
    const std::vector<Case> cases{
        {"../../../etc/cron.d/evil", "evil", R"(attachment; filename="evil"; filename*=UTF-8''evil)"},
        {"..\\..\\windows\\system.ini", "system.ini", R"(attachment; filename="system.ini"; filename*=UTF-8''system.ini)"},
        {"a\x01\x1b[31mb.txt", "a__[31mb.txt", R"(attachment; filename="a__[31mb.txt"; filename*=UTF-8''a__%5B31mb.txt)"},
        {"..", "unnamed", R"(attachment; filename="unnamed"; filename*=UTF-8''unnamed)"},
        {"C:\\Users\\李\\报告.pdf", "报告.pdf", R"(attachment; filename="______.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf)"},
        {"a\\\"b\\\".pdf", "a\"b\".pdf", R"(attachment; filename="a_b_.pdf"; filename*=UTF-8''a%22b%22.pdf)"},
        {"收据 第1页.pdf", "收据 第1页.pdf",
         R"(attachment; filename="______ ___1___.pdf"; filename*=UTF-8''%E6%94%B6%E6%8D%AE%20%E7%AC%AC1%E9%A1%B5.pdf)"},
    };
    int n = 0;
    for (const auto& c : cases) {
        INFO(c.sent);
        const std::string content = "evidence bytes " + std::to_string(++n);
        HttpRequest upload{"POST", world.progressPath(), world.token(Caller::UnitA),
                           multipartBody({field("percent", "50"), field("note", "第" + std::to_string(n) + "次"), file("evidence", content, c.sent)}),
                           kMultipartType, {}};
        const auto answer = call(server.port(), upload);
        REQUIRE(answer.status == 200);
        auto row = world.db.prepare("SELECT id, original_name, stored_path FROM evidence ORDER BY id DESC LIMIT 1");
        REQUIRE(row.step());
        CHECK(row.text(1) == c.stored);
        CHECK(row.text(2) == patrol::services::evidenceRelativePath(patrol::digest::sha256Hex(content)));
        const auto download = get(server.port(), "/api/v1/evidence/" + std::to_string(row.integer(0)), world.token(Caller::UnitA));
        CHECK(download.status == 200);
        CHECK(download.body == content);
        CHECK(download.header("Content-Disposition") == c.disposition);
        CHECK(download.header("X-Content-Type-Options") == "nosniff");
    }
    // Nothing escaped the evidence folder: only content-addressed files are in it.
    for (const auto& f : world.evidenceFiles()) CHECK(f.size() == 2 + 1 + 64);
    CHECK(!std::filesystem::exists(world.dir / "etc"));
    CHECK(!std::filesystem::exists("/etc/cron.d/evil"));
}

TEST_CASE("an upload's file name as long as a header allows is stored cut to 255 bytes, where threads have 1 MiB stacks",
          "[server][bad-input]") {
    UploadWorld world;
    std::unique_ptr<ServerProcess> server;
    {
        // As some service managers do: the server's threads are given stacks of this size.
        const ScopedLimit smallStacks(RLIMIT_STACK, 1 << 20);
        server = std::make_unique<ServerProcess>(world.path());
    }
    // Poco takes a header value of up to 8,192 bytes; the disposition around the name is 40 more.
    const std::string sent = "C:\\报告\\" + std::string(8000, 'a') + ".pdf";
    HttpRequest upload{"POST", world.progressPath(), world.token(Caller::UnitA),
                       multipartBody({field("percent", "50"), field("note", "长文件名"), file("evidence", "long name bytes", sent)}),
                       kMultipartType, {}};
    const auto answer = call(server->port(), upload);
    REQUIRE(answer.status == 200);
    auto row = world.db.prepare("SELECT original_name FROM evidence ORDER BY id DESC LIMIT 1");
    REQUIRE(row.step());
    CHECK(row.text(0) == std::string(255, 'a'));
    stillServing(*server, world);
}

TEST_CASE("a part is a file when its disposition has a filename parameter, in any case, and a text field otherwise",
          "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path());
    // As a client writes it by hand: the parameter's name in capitals, the value unquoted; and a
    // text field whose disposition mentions "filename" only inside another parameter's value.
    const std::string body = "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"percent\"\r\n\r\n40\r\n" +
                             "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"note\"; comment=\"no filename\"\r\n\r\n手写表单\r\n" +
                             "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; FILENAME=receipt.pdf\r\n" +
                             "Content-Type: application/octet-stream\r\n\r\nreceipt bytes\r\n--" + kBoundary + "--\r\n";
    const auto answer = call(server.port(), HttpRequest{"POST", world.progressPath(), world.token(Caller::UnitA), body, kMultipartType, {}});
    REQUIRE(answer.status == 200);
    auto evidence = world.db.prepare("SELECT original_name, size FROM evidence ORDER BY id DESC LIMIT 1");
    REQUIRE(evidence.step());
    CHECK(evidence.text(0) == "receipt.pdf");
    CHECK(evidence.integer(1) == 13);
    auto report = world.db.prepare("SELECT percent, narrative FROM progress_reports ORDER BY id DESC LIMIT 1");
    REQUIRE(report.step());
    CHECK(report.integer(0) == 40);
    CHECK(report.text(1) == "手写表单");
    stillServing(server, world);
}

TEST_CASE("a client that sends half a request and stalls does not stop others, and is dropped after server.timeout_seconds",
          "[server][bad-input]") {
    UploadWorld world;
    // Two of the three workers are held by stalled clients; the third serves everyone else.
    ServerProcess server(world.path(), world.config({"timeout_seconds = 2", "threads = 3"}));
    const std::string before = world.footprint();
    const std::string json = R"({"percent":50,"note":"过半"})";
    RawClient halfHead(server.port());
    halfHead.send("POST " + world.progressPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty");
    RawClient halfBody(server.port());
    halfBody.send(raw("POST", world.progressPath(), world.token(Caller::UnitA),
                      {"Content-Type: application/json", "Content-Length: " + std::to_string(json.size())}, json.substr(0, 10)));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i) stillServing(server, world);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
    const double headDropped = halfHead.secondsUntilClosed(10);
    CHECK(headDropped > 0.5);
    CHECK(headDropped < 4);
    const double bodyDropped = halfBody.secondsUntilClosed(10);
    CHECK(bodyDropped >= 0);
    CHECK(bodyDropped < 4);
    CHECK(changes(before, world.footprint()) == "");
    stillServing(server, world);
}

TEST_CASE("a request target that does not decode, or decodes to control characters, is 400 before any route runs",
          "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path());
    const std::string undecodable =
        errorBody("malformed_uri", "请求地址格式有误（百分号编码不完整，如 %ZZ），未作任何改动。请把地址中的特殊字符按 UTF-8 百分号编码后重试。");
    const std::string control = errorBody("malformed_uri", "请求地址中含有控制字符（如 %00、换行），未作任何改动。请去掉这些字符后重试。");
    const std::vector<std::pair<std::string, std::string>> cases{
        {"/api/v1/tasks?round=%ZZ", undecodable},
        {"/api/v1/tasks/%Z1", undecodable},
        {"/api/v1/tasks?round=R1%00", control},
        {"/api/v1/tasks/1%0A", control},
        {"/api/v1/tasks?status%1B=open", control},
    };
    for (const auto& [path, expected] : cases) {
        INFO(path);
        const auto answer = get(server.port(), path, world.token(Caller::UnitA));
        CHECK(answer.status == 400);
        CHECK(answer.body == expected);
    }
    // Traversal spelled with encoded slashes decodes to a path no route has.
    const auto traversal = get(server.port(), "/api/v1/evidence/..%2F..%2Fetc%2Fpasswd", world.token(Caller::UnitA));
    CHECK(traversal.status == 404);
    CHECK(traversal.body == errorBody("not_found", "没有这个接口。请查阅 docs/api.md 中的接口列表。"));
    stillServing(server, world);
}

TEST_CASE("text that is not UTF-8 or carries control characters is refused, so no view of the task breaks afterwards",
          "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path());
    const std::string token = world.token(Caller::UnitA);
    const std::string before = world.footprint();
    const std::string control = "含有控制字符（如 \\\\u0000、\\\\u001b），未作任何改动。请删除这些不可见字符后重试。";
    struct Case {
        std::string contentType;
        std::string body;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"application/json", R"({"percent":50,"note":"过半\u0000"})", errorBody("invalid_text", "字段 note " + control, "note")},
        {"application/json", R"({"percent":50,"note":"\u001b[2J过半"})", errorBody("invalid_text", "字段 note " + control, "note")},
        {"application/json", R"({"percent":50,"note":"\ud800"})",
         errorBody("malformed_json", "请求体不是有效的 JSON：应为一个 JSON 对象，例如 {\\\"note\\\": \\\"…\\\"}。请检查引号、逗号和括号。")},
        {kMultipartType, multipartBody({field("percent", "50"), field("note", "过半\x07")}), errorBody("invalid_text", "表单字段 note " + control, "note")},
        {kMultipartType, multipartBody({field("percent", "50"), field("note", "\xb9\xfd\xb0\xeb")}),
         errorBody("invalid_text", "表单字段 note 不是有效的 UTF-8 文本，未作任何改动。请以 UTF-8 编码提交。", "note")},
    };
    for (const auto& c : cases) {
        INFO(c.body);
        const auto answer = call(server.port(), {"POST", world.progressPath(), token, c.body, c.contentType, {}});
        CHECK(answer.status == 400);
        CHECK(answer.body == c.expected);
    }
    CHECK(changes(before, world.footprint()) == "");
    // Tabs and line breaks are text.
    const auto lines = post(server.port(), world.progressPath(), token, R"({"percent":50,"note":"一、清退\n二、\t通报"})");
    CHECK(lines.status == 200);

    // A file name with bytes that are not UTF-8 (an overlong "/" among them) keeps its UTF-8
    // parts; every other byte becomes "_" and never a separator.
    const auto upload = call(server.port(), {"POST", world.progressPath(), token,
                                             multipartBody({field("percent", "60"), field("note", "附收据"),
                                                            file("evidence", "receipt", "\xc0\xaf..\xc0\xaf" "etc-收据\xff.pdf")}),
                                             kMultipartType, {}});
    CHECK(upload.status == 200);
    auto row = world.db.prepare("SELECT original_name FROM evidence");
    REQUIRE(row.step());
    CHECK(row.text(0) == "__..__etc-收据_.pdf");
    const auto shown = get(server.port(), "/api/v1/tasks/" + std::to_string(world.tA1), token);
    CHECK(shown.status == 200);
    CHECK(shown.body.find(R"("name":"__..__etc-收据_.pdf")") != std::string::npos);
}

TEST_CASE("more files in one upload than the door takes is 413 before the spool files pile up", "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path());
    const std::string before = world.footprint();
    std::vector<FormPart> parts{field("percent", "50"), field("note", "很多文件")};
    for (int i = 0; i < 101; ++i) parts.push_back(file("evidence", "page " + std::to_string(i), "第" + std::to_string(i) + "页.jpg"));
    const auto refused = call(server.port(), {"POST", world.progressPath(), world.token(Caller::UnitA), multipartBody(parts), kMultipartType, {}});
    CHECK(refused.status == 413);
    CHECK(refused.body == errorBody("too_large", "一次上传的文件超过 100 个，已停止接收，未作任何改动。请分几次上传。", "evidence"));
    CHECK(changes(before, world.footprint()) == "");
    parts.pop_back();
    const auto accepted = call(server.port(), {"POST", world.progressPath(), world.token(Caller::UnitA), multipartBody(parts), kMultipartType, {}});
    CHECK(accepted.status == 200);
    auto count = world.db.prepare("SELECT COUNT(*) FROM evidence");
    count.step();
    CHECK(count.integer(0) == 100);
}

TEST_CASE("a client that sends an oversize body in full before reading, as ordinary clients do, reads the 413",
          "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path(), world.config({"max_body_bytes = 4096"}));
    const std::string before = world.footprint();
    const std::string tooLarge =
        errorBody("too_large", "请求体超过上限 4096 字节（配置项 server.max_body_bytes），已停止接收，未作任何改动。");
    const std::string big(3000000, 'x');
    for (int i = 0; i < 5; ++i) {
        const auto json = post(server.port(), world.progressPath(), world.token(Caller::UnitA), R"({"percent":50,"note":")" + big + "\"}");
        CHECK(json.status == 413);
        CHECK(json.body == tooLarge);
        const auto upload = call(server.port(), {"POST", world.progressPath(), world.token(Caller::UnitA),
                                                 multipartBody({field("percent", "50"), field("note", "大文件"), file("evidence", big, "大.pdf")}),
                                                 kMultipartType, {}});
        CHECK(upload.status == 413);
        CHECK(upload.body == tooLarge);
    }
    CHECK(changes(before, world.footprint()) == "");
    stillServing(server, world);
}

TEST_CASE("a HEAD request gets the head of its answer only", "[server][bad-input]") {
    UploadWorld world;
    ServerProcess server(world.path());
    RawClient client(server.port());
    client.send(requestHead("HEAD", "/api/v1/tasks", {"Authorization: Bearer " + world.token(Caller::UnitA)}));
    const std::string raw = client.readToClose(5);
    const auto answer = parseAnswer(raw);
    CHECK(answer.status == 405);
    CHECK(answer.header("Allow") == "GET");
    CHECK(answer.body == "");
    stillServing(server, world);
}
