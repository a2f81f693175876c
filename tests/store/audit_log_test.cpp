// The hash chain: intact after appends, broken by any change made behind the tool's back.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "core/digest/sha256.hpp"
#include "core/domain/errors.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/database.hpp"
#include "core/store/transaction.hpp"
#include "store/raw_sqlite.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol;
using namespace patrol::store;
using namespace patrol::digest;
using patrol::testing::rawExec;
using patrol::testing::ScratchDir;

namespace {

void appendThree(Database& db) {
    for (int i = 1; i <= 3; ++i) {
        const std::string n = std::to_string(i);
        std::string unit = "U", after = "{\"name\":\"单位";
        unit += n;
        after += n + "\"}";
        Transaction tx(db);
        appendAuditEvent(db, {i == 2 ? std::optional<int64_t>(7) : std::nullopt, "张三", "unit.add", "unit", unit,
                              std::nullopt, after});
        tx.commit();
    }
}

}  // namespace

TEST_CASE("events chain to each other and verify") {
    ScratchDir dir;
    auto db = Database::open(dir.file("a.db"));
    appendThree(db);
    const auto events = listAuditEvents(db, {});
    REQUIRE(events.size() == 3);
    CHECK(events[0].prevHash == kAuditGenesisHash);
    CHECK(events[1].prevHash == events[0].hash);
    CHECK(events[2].prevHash == events[1].hash);
    CHECK(events[1].hash == sha256Hex(canonicalAuditContent(events[1])));
    CHECK(events[1].content.actorId == 7);
    const auto report = verifyAuditChain(db);
    CHECK(report.eventsChecked == 3);
    CHECK_FALSE(report.firstBrokenId);
}

TEST_CASE("the canonical content of an event is fixed JSON") {
    AuditEvent e;
    e.id = 4;
    e.at = "2026-03-14T08:05:09Z";
    e.content = {std::nullopt, "admin", "round.advance", "round", "2026-R2", "{\"stage\":\"onsite\"}", std::nullopt};
    e.prevHash = "ab";
    CHECK(canonicalAuditContent(e) ==
          "[\"patrol-audit-1\",4,\"2026-03-14T08:05:09Z\",null,\"admin\",\"round.advance\",\"round\",\"2026-R2\","
          "\"{\\\"stage\\\":\\\"onsite\\\"}\",null,\"ab\"]");
}

TEST_CASE("appending outside a transaction is a programming error") {
    ScratchDir dir;
    auto db = Database::open(dir.file("a.db"));
    CHECK_THROWS_AS(appendAuditEvent(db, {std::nullopt, "admin", "x", "y", "1", std::nullopt, std::nullopt}),
                    InternalError);
}

TEST_CASE("the log refuses UPDATE and DELETE through SQL") {
    ScratchDir dir;
    const std::string path = dir.file("a.db");
    {
        auto db = Database::open(path);
        appendThree(db);
    }
    CHECK_THROWS_WITH(rawExec(path, "UPDATE audit_events SET actor = '李四' WHERE id = 2"),
                      "audit events are append-only");
    CHECK_THROWS_WITH(rawExec(path, "DELETE FROM audit_events WHERE id = 3"), "audit events are append-only");
}

TEST_CASE("a row changed behind the tool's back is named as the first broken event") {
    ScratchDir dir;
    const std::string path = dir.file("a.db");
    {
        auto db = Database::open(path);
        appendThree(db);
    }
    rawExec(path, "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = '李四' WHERE id = 2");
    auto db = Database::open(path);
    const auto report = verifyAuditChain(db);
    CHECK(report.firstBrokenId == 2);
    CHECK(report.problem.find("审计事件 #2（unit.add，") == 0);
    CHECK(report.problem.find("的内容与其哈希不符：该记录在 patrol 之外被改动过。") != std::string::npos);
}

TEST_CASE("an event deleted from the middle breaks the link of the next one") {
    ScratchDir dir;
    const std::string path = dir.file("a.db");
    {
        auto db = Database::open(path);
        appendThree(db);
    }
    rawExec(path, "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE id = 2");
    auto db = Database::open(path);
    const auto report = verifyAuditChain(db);
    CHECK(report.firstBrokenId == 3);
    CHECK(report.problem.find("没有接在事件 #1之后") != std::string::npos);
}

TEST_CASE("events cut off the end are detected through the stored head") {
    ScratchDir dir;
    const std::string path = dir.file("a.db");
    {
        auto db = Database::open(path);
        appendThree(db);
    }
    rawExec(path, "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE id = 3");
    auto db = Database::open(path);
    const auto report = verifyAuditChain(db);
    CHECK(report.firstBrokenId == 3);
    CHECK(report.problem == "审计日志在事件 #2 之后被截断：记录的最新事件是 #3。");
}

TEST_CASE("the log lists with filters, newest N still oldest first") {
    ScratchDir dir;
    auto db = Database::open(dir.file("a.db"));
    appendThree(db);
    {
        Transaction tx(db);
        appendAuditEvent(db, {std::nullopt, "admin", "round.create", "round", "R1", std::nullopt, "{}"});
        tx.commit();
    }
    CHECK(listAuditEvents(db, {.entity = std::string("unit")}).size() == 3);
    CHECK(listAuditEvents(db, {.actor = std::string("admin")}).size() == 1);
    const auto lastTwo = listAuditEvents(db, {.limit = 2});
    REQUIRE(lastTwo.size() == 2);
    CHECK(lastTwo[0].id == 3);
    CHECK(lastTwo[1].id == 4);
    CHECK(listAuditEvents(db, {.since = std::string("2000-01-01")}).size() == 4);
    CHECK(listAuditEvents(db, {.since = std::string("9999-01-01")}).empty());
}

TEST_CASE("sha256Hex gives the digests of Poco's portable code", "[audit]") {
    // Lengths around the 64-byte block and its padding boundary, and a long text of many blocks.
    std::string text;
    for (int n = 0; n <= 300; ++n) {
        INFO(n);
        CHECK(sha256Hex(text) == sha256HexPlainly(text));
        text.push_back(static_cast<char>(n * 37 + 11));
    }
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const std::string big(1 << 20, 'x');
    CHECK(sha256Hex(big) == sha256HexPlainly(big));
}

TEST_CASE("OpenSSL's SHA-256, loaded on demand, gives the digests of Poco's portable code", "[audit]") {
    std::string text;
    for (int n = 0; n <= 300; ++n) {
        INFO(n);
        const auto quick = sha256HexByOpenSsl(text);
        REQUIRE(quick.has_value());
        CHECK(*quick == sha256HexPlainly(text));
        text.push_back(static_cast<char>(n * 53 + 7));
    }
    // Past the portable code's budget sha256Hex goes to OpenSSL: still the same digests.
    const std::string big(3 << 20, 'y');
    CHECK(*sha256HexByOpenSsl(big) == sha256HexPlainly(big));
    for (int n = 0; n < 3; ++n) CHECK(sha256Hex(big) == sha256HexPlainly(big));
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("OpenSSL's SHA-256 gives the portable code's digests from several threads at once", "[audit]") {
    // Each thread keeps its own context between digests: none may see another's state.
    std::vector<std::string> texts;
    for (int n = 0; n < 2000; ++n) texts.push_back(std::to_string(n * 7919) + std::string(static_cast<size_t>(n % 130), static_cast<char>('a' + n % 26)));
    std::vector<std::string> expected;
    for (const auto& t : texts) expected.push_back(sha256HexPlainly(t));
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (size_t i = 0; i < texts.size(); ++i) {
                const size_t at = (i * (t + 1)) % texts.size();
                const auto quick = sha256HexByOpenSsl(texts[at]);
                if (!quick || *quick != expected[at]) ++wrong;
            }
        });
    for (auto& thread : threads) thread.join();
    CHECK(wrong == 0);
}

TEST_CASE("a file's digest by OpenSSL equals the portable code's, across block boundaries", "[audit]") {
    ScratchDir dir;
    // Sizes around the 1 MiB read block, and bytes of every value.
    for (const size_t size : {size_t{0}, size_t{1}, size_t{(1 << 20) - 1}, size_t{1 << 20}, size_t{(1 << 20) + 1},
                              size_t{(3 << 20) + 17}}) {
        INFO(size);
        std::string bytes(size, '\0');
        for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131 + i / 7) & 0xff);
        const std::string path = dir.write("f" + std::to_string(size), bytes);
        const auto quick = sha256OfFile(path);
        REQUIRE(quick.has_value());
        CHECK(*quick == sha256HexPlainly(bytes));
        CHECK(quick == sha256OfFilePlainly(path));
    }
    CHECK(*sha256OfFile(dir.write("abc", "abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK_FALSE(sha256OfFile(dir.file("missing")).has_value());
    CHECK_FALSE(sha256OfFilePlainly(dir.file("missing")).has_value());
}

TEST_CASE("a digest given piece by piece equals the digest of the whole, and starts over after hex", "[audit]") {
    Sha256Stream stream;
    std::string whole;
    for (int n = 0; n < 200; ++n) {
        const std::string piece = std::to_string(n) + ":" + std::string(static_cast<size_t>(n % 70), 'z') + "\n";
        stream.update(piece);
        whole += piece;
    }
    CHECK(stream.hex() == sha256HexPlainly(whole));
    stream.update("abc");
    CHECK(stream.hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("a stream past a few hundred kilobytes gives the same digest as the portable code, and starts over after hex", "[audit]") {
    // Large enough to be handed from the held-back bytes to OpenSSL partway through.
    Sha256Stream stream;
    std::string whole;
    for (int n = 0; whole.size() < (3u << 19); ++n) {
        const std::string line = std::to_string(n) + ":" + std::string(64, static_cast<char>('a' + n % 26)) + "\n";
        stream.update(line);
        whole += line;
    }
    CHECK(stream.hex() == sha256HexPlainly(whole));
    stream.update("abc");
    CHECK(stream.hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    stream.update(whole);  // one piece larger than what is held back
    stream.update("x");
    CHECK(stream.hex() == sha256HexPlainly(whole + "x"));
}
