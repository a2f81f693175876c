#include <catch2/catch.hpp>

#include "core/domain/errors.hpp"
#include "core/services/evidence_store.hpp"
#include "core/services/task_service.hpp"
#include "world.hpp"

namespace {

int64_t rows(World& w, const char* table) {
    auto st = w.db.prepare(std::string("SELECT count(*) FROM ") + table);
    st.step();
    return st.integer(0);
}

// Every file under the data folder, relative to it.
std::vector<std::string> storedFiles(const fs::path& data) {
    std::vector<std::string> out;
    if (!fs::exists(data)) return out;
    for (const auto& e : fs::recursive_directory_iterator(data))
        if (e.is_regular_file()) out.push_back(fs::relative(e.path(), data).string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("evidence is stored by content in the evidence folder", "[evidence]") {
    World w;
    const fs::path data = w.dir / "data";
    const EvidenceStore store(data.string(), 100);
    const auto first = store.storeFile(w.file("收据.pdf", "hello"));
    CHECK(first.sha256 == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    CHECK(first.size == 5);
    CHECK(first.originalName == "收据.pdf");
    CHECK(first.storedPath == "2c/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    // The same bytes under another name: one stored copy.
    const auto second = store.storeFile(w.file("copy.txt", "hello"));
    CHECK(second.storedPath == first.storedPath);
    CHECK(storedFiles(data) == std::vector<std::string>{first.storedPath});
}

TEST_CASE("hostile names are metadata only and never paths", "[evidence]") {
    World w;
    const fs::path data = w.dir / "data";
    const EvidenceStore store(data.string(), 1000);
    const auto traversal = store.storeBytes("x", "../../etc/passwd");
    CHECK(traversal.originalName == "passwd");
    CHECK(traversal.storedPath == "2d/" + traversal.sha256);
    CHECK(store.storeBytes("y", "..").originalName == "unnamed");
    CHECK(store.storeBytes("z", "C:\\Users\\a\\b.doc").originalName == "b.doc");
    CHECK(store.storeBytes("n", "报告\n第二行\r\t.pdf").originalName == "报告_第二行__.pdf");
    const std::string longName = std::string(300, 'a') + ".pdf";
    CHECK(store.storeBytes("l", longName).originalName == std::string(255, 'a'));
    // 100 three-byte characters: cut on a character boundary at 255 bytes (85 characters).
    std::string chinese;
    for (int i = 0; i < 100; ++i) chinese += "整";
    std::string expected;
    for (int i = 0; i < 85; ++i) expected += "整";
    CHECK(store.storeBytes("c", chinese).originalName == expected);
    // A real file reached through ".." and with a newline in its name.
    fs::create_directories(w.dir / "sub");
    const std::string odd = w.file("odd\nname.txt", "odd");
    const auto stored = store.storeFile((w.dir / "sub" / ".." / "odd\nname.txt").string());
    CHECK(stored.originalName == "odd_name.txt");
    CHECK(fs::exists(data / stored.storedPath));
    for (const auto& f : storedFiles(data)) {
        INFO(f);
        CHECK(f.size() == std::string("xx/").size() + 64);
        CHECK(f.substr(0, 2) == f.substr(3, 2));
    }
    CHECK_FALSE(fs::exists(w.dir / "etc"));
}

TEST_CASE("zero bytes are not evidence, whether a file or an upload", "[evidence]") {
    World w;
    const fs::path data = w.dir / "data";
    const EvidenceStore store(data.string(), 100);
    const std::string empty = w.file("空.pdf", "");
    CHECK_THROWS_WITH(store.storeFile(empty), "佐证材料文件 " + empty + " 是空文件（0 字节），不能作为佐证材料。请选择有内容的文件。");
    CHECK_THROWS_WITH(store.storeBytes("", "上传.pdf"), "佐证材料文件 上传.pdf 是空文件（0 字节），不能作为佐证材料。请选择有内容的文件。");
    CHECK(storedFiles(data).empty());
}

TEST_CASE("a file over the size limit is refused and nothing is recorded", "[evidence]") {
    World w;
    w.settings.evidenceMaxBytes = 10;
    w.round("R1", "2026-01-05");
    w.finding("R1", "UA", "四风");
    const auto t = w.feedBack("R1", "2026-02-12").tasks.at(0);
    planTask(w.db, w.unitA, t.id, "整改", "李明", "王强", day("2026-02-13"));
    const EvidenceStore store((w.dir / "data").string(), w.settings.evidenceMaxBytes);
    const std::string small = w.file("ok.txt", "0123456789");
    const std::string big = w.file("big.bin", "0123456789A");
    const int64_t events = rows(w, "audit_events");
    CHECK_THROWS_WITH(reportProgress(w.db, w.unitA, t.id, {50, "进展", {small, big}, day("2026-03-01")}, store),
                      "佐证材料 " + big + " 大小为 11 字节，超过上限 10 字节（配置项 evidence.max_bytes）；请压缩或拆分后再上传。");
    CHECK(rows(w, "progress_reports") == 0);
    CHECK(rows(w, "evidence") == 0);
    CHECK(rows(w, "audit_events") == events);
    CHECK(store::findTaskById(w.db, t.id)->status == "planned");
    CHECK(storedFiles(w.dir / "data").empty());  // not even the small file was kept
    CHECK_THROWS_WITH(reportProgress(w.db, w.unitA, t.id, {50, "进展", {(w.dir / "missing.pdf").string()}, day("2026-03-01")}, store),
                      "找不到佐证材料文件 " + (w.dir / "missing.pdf").string() + "：--evidence 应指向一个已存在的普通文件。");
    // Exactly at the limit is fine; the evidence belongs to the task and its report.
    reportProgress(w.db, w.unitA, t.id, {50, "进展", {small}, day("2026-03-01")}, store);
    const auto evidence = store::listTaskEvidence(w.db, t.id);
    REQUIRE(evidence.size() == 1);
    CHECK(evidence[0].originalName == "ok.txt");
    CHECK(evidence[0].progressId.has_value());
    CHECK(evidence[0].uploadedBy == "甲联系人");
}
