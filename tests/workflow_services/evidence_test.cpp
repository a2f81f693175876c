#include <catch2/catch.hpp>

#include <fstream>
#include <list>
#include <sstream>

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

// Streams of local files, kept open for as long as the uploads that read them.
struct Files {
    std::list<std::ifstream> open;
    EvidenceUpload upload(const std::string& path) {
        auto& in = open.emplace_back(path, std::ios::binary);
        return {path, &in, static_cast<uint64_t>(fs::file_size(path)), path};
    }
};

StoredEvidence storeFile(const EvidenceStore& store, const std::string& path) {
    Files files;
    return store.store(files.upload(path));
}

StoredEvidence storeBytes(const EvidenceStore& store, const std::string& bytes, const std::string& name) {
    std::istringstream in(bytes);
    return store.store({name, &in, std::nullopt, {}});
}

// Yields `limit` bytes of "x" (endless when 0), then fails like a connection cut off mid-way
// when `failAtEnd`; counts what it produced.
class GeneratedBuffer : public std::streambuf {
public:
    explicit GeneratedBuffer(uint64_t limit = 0, bool failAtEnd = false) : limit_(limit), failAtEnd_(failAtEnd) {}
    uint64_t produced = 0;

protected:
    int_type underflow() override {
        if (limit_ != 0 && produced >= limit_) {
            if (failAtEnd_) throw std::ios_base::failure("connection reset");
            return traits_type::eof();
        }
        const uint64_t n = limit_ == 0 ? sizeof chunk_ : std::min<uint64_t>(sizeof chunk_, limit_ - produced);
        std::fill(chunk_, chunk_ + n, 'x');
        produced += n;
        setg(chunk_, chunk_, chunk_ + n);
        return traits_type::to_int_type('x');
    }

private:
    uint64_t limit_;
    bool failAtEnd_;
    char chunk_[4096];
};

// Every entry under a folder, hidden temporaries included.
std::vector<std::string> everything(const fs::path& folder) {
    std::vector<std::string> out;
    if (!fs::exists(folder)) return out;
    for (const auto& e : fs::recursive_directory_iterator(folder))
        if (!e.is_directory()) out.push_back(fs::relative(e.path(), folder).string());
    return out;
}

}  // namespace

TEST_CASE("evidence is stored by content in the evidence folder", "[evidence]") {
    World w;
    const fs::path data = w.dir / "data";
    const EvidenceStore store(data.string(), 100);
    const auto first = storeFile(store, w.file("收据.pdf", "hello"));
    CHECK(first.sha256 == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    CHECK(first.size == 5);
    CHECK(first.originalName == "收据.pdf");
    CHECK(first.storedPath == "2c/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    // The same bytes under another name: one stored copy.
    const auto second = storeFile(store, w.file("copy.txt", "hello"));
    CHECK(second.storedPath == first.storedPath);
    CHECK(storedFiles(data) == std::vector<std::string>{first.storedPath});
}

TEST_CASE("hostile names are metadata only and never paths", "[evidence]") {
    World w;
    const fs::path data = w.dir / "data";
    const EvidenceStore store(data.string(), 1000);
    const auto traversal = storeBytes(store, "x", "../../etc/passwd");
    CHECK(traversal.originalName == "passwd");
    CHECK(traversal.storedPath == "2d/" + traversal.sha256);
    CHECK(storeBytes(store, "y", "..").originalName == "unnamed");
    // Only '/' separates folders: a Windows path is cut by the HTTP door, not here.
    CHECK(storeBytes(store, "z", "C:\\Users\\a\\b.doc").originalName == "C:\\Users\\a\\b.doc");
    CHECK(storeBytes(store, "n", "报告\n第二行\r\t.pdf").originalName == "报告_第二行__.pdf");
    const std::string longName = std::string(300, 'a') + ".pdf";
    CHECK(storeBytes(store, "l", longName).originalName == std::string(255, 'a'));
    // 100 three-byte characters: cut on a character boundary at 255 bytes (85 characters).
    std::string chinese;
    for (int i = 0; i < 100; ++i) chinese += "整";
    std::string expected;
    for (int i = 0; i < 85; ++i) expected += "整";
    CHECK(storeBytes(store, "c", chinese).originalName == expected);
    // A real file reached through ".." and with a newline in its name.
    fs::create_directories(w.dir / "sub");
    const std::string odd = w.file("odd\nname.txt", "odd");
    const auto stored = storeFile(store, (w.dir / "sub" / ".." / "odd\nname.txt").string());
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
    CHECK_THROWS_WITH(storeFile(store, empty), "佐证材料文件 " + empty + " 是空文件（0 字节），不能作为佐证材料。请选择有内容的文件。");
    CHECK_THROWS_WITH(storeBytes(store, "", "上传.pdf"), "佐证材料文件 上传.pdf 是空文件（0 字节），不能作为佐证材料。请选择有内容的文件。");
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
    Files files;
    CHECK_THROWS_WITH(reportProgress(w.db, w.unitA, t.id, {50, "进展", {files.upload(small), files.upload(big)}, day("2026-03-01")}, store),
                      "佐证材料 " + big + " 大小为 11 字节，超过上限 10 字节（配置项 evidence.max_bytes）；请压缩或拆分后再上传。");
    CHECK(rows(w, "progress_reports") == 0);
    CHECK(rows(w, "evidence") == 0);
    CHECK(rows(w, "audit_events") == events);
    CHECK(store::findTaskById(w.db, t.id)->status == "planned");
    CHECK(storedFiles(w.dir / "data").empty());  // not even the small file was kept
    // Exactly at the limit is fine; the evidence belongs to the task and its report.
    reportProgress(w.db, w.unitA, t.id, {50, "进展", {files.upload(small)}, day("2026-03-01")}, store);
    const auto evidence = store::listTaskEvidence(w.db, t.id);
    REQUIRE(evidence.size() == 1);
    CHECK(evidence[0].originalName == "ok.txt");
    CHECK(evidence[0].progressId.has_value());
    CHECK(evidence[0].uploadedBy == "甲联系人");
}

namespace {

// The demo's unit A with one planned task.
int64_t plannedTask(World& w) {
    w.round("R1", "2026-01-05");
    w.finding("R1", "UA", "四风");
    const auto t = w.feedBack("R1", "2026-02-12").tasks.at(0);
    planTask(w.db, w.unitA, t.id, "整改", "李明", "王强", day("2026-02-13"));
    return t.id;
}

}  // namespace

TEST_CASE("a stream over the limit is refused while it is read, and nothing at all is kept", "[evidence]") {
    World w;
    const int64_t task = plannedTask(w);
    const fs::path data = w.dir / "data";
    const EvidenceStore store(data.string(), 100000);
    const int64_t events = rows(w, "audit_events");
    std::istringstream first("hello");  // stored before the endless one is read, then removed
    GeneratedBuffer endless;
    std::istream second(&endless);
    const ProgressInput input{50, "进展", {{"收据.pdf", &first, std::nullopt, {}}, {"无尽.bin", &second, std::nullopt, {}}},
                              day("2026-03-01")};
    CHECK_THROWS_WITH(reportProgress(w.db, w.unitA, task, input, store),
                      "佐证材料 无尽.bin 超过大小上限 100000 字节（配置项 evidence.max_bytes），已停止接收；请压缩或拆分后再上传。");
    CHECK(endless.produced <= 100000 + 4096);  // reading stopped at the limit
    CHECK(everything(data).empty());            // no file, no .incoming temporary
    CHECK(rows(w, "progress_reports") == 0);
    CHECK(rows(w, "evidence") == 0);
    CHECK(rows(w, "audit_events") == events);
    CHECK(store::findTaskById(w.db, task)->status == "planned");
}

TEST_CASE("an announced size over the limit is refused before a byte is read", "[evidence]") {
    World w;
    const int64_t task = plannedTask(w);
    const EvidenceStore store((w.dir / "data").string(), 10);
    GeneratedBuffer endless;
    std::istream in(&endless);
    CHECK_THROWS_WITH(reportProgress(w.db, w.unitA, task, {50, "进展", {{"大.bin", &in, 11, {}}}, day("2026-03-01")}, store),
                      "佐证材料 大.bin 大小为 11 字节，超过上限 10 字节（配置项 evidence.max_bytes）；请压缩或拆分后再上传。");
    CHECK(endless.produced == 0);
    std::istringstream empty;
    CHECK_THROWS_WITH(reportProgress(w.db, w.unitA, task, {50, "进展", {{"空.pdf", &empty, std::nullopt, {}}}, day("2026-03-01")}, store),
                      "佐证材料文件 空.pdf 是空文件（0 字节），不能作为佐证材料。请选择有内容的文件。");
    CHECK(everything(w.dir / "data").empty());
    CHECK(rows(w, "evidence") == 0);
}

TEST_CASE("a stream that breaks off or ends short of its announced size is refused and leaves nothing", "[evidence]") {
    World w;
    const fs::path data = w.dir / "data";
    const EvidenceStore store(data.string(), 100000);
    GeneratedBuffer broken(5000, true);
    std::istream cut(&broken);
    CHECK_THROWS_WITH(store.store({"上传.pdf", &cut, std::nullopt, {}}),
                      "读取佐证材料 上传.pdf 时出错，内容没有完整收到，未保存任何内容；请重新上传。");
    std::istringstream shortStream("abc");
    CHECK_THROWS_WITH(store.store({"上传.pdf", &shortStream, 5, {}}),
                      "佐证材料 上传.pdf 应为 5 字节，实际读到 3 字节（文件在读取时被改动，或上传不完整），未保存任何内容；请重新上传。");
    CHECK(everything(data).empty());
}

TEST_CASE("when the report cannot be recorded, the bytes it brought are removed and earlier ones kept", "[evidence]") {
    World w;
    const int64_t task = plannedTask(w);
    const fs::path data = w.dir / "data";
    const EvidenceStore store(data.string(), 1000);
    std::istringstream hello("hello");
    reportProgress(w.db, w.unitA, task, {10, "第一次", {{"收据.pdf", &hello, std::nullopt, {}}}, day("2026-03-01")}, store);
    const auto before = everything(data);
    REQUIRE(before.size() == 1);
    const int64_t events = rows(w, "audit_events");
    // The database refuses the second report after its files were stored.
    w.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON evidence BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    std::istringstream again("hello"), fresh("world");
    CHECK_THROWS(reportProgress(w.db, w.unitA, task,
                                {20, "第二次", {{"again.pdf", &again, std::nullopt, {}}, {"new.pdf", &fresh, std::nullopt, {}}},
                                 day("2026-03-02")},
                                store));
    CHECK(everything(data) == before);  // "hello" still serves the first report; "world" is gone
    CHECK(rows(w, "evidence") == 1);
    CHECK(rows(w, "progress_reports") == 1);
    CHECK(rows(w, "audit_events") == events);
}
