// `patrol backup`, `backup verify` and `backup restore` on the demo county with evidence files,
// run as a user runs them; tampering and concurrent writers done behind the tool's back.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;
namespace fs = std::filesystem;

namespace {

const std::string kReceiptSha = "c76f0fe8402d26e3a91ceadeefa6d2439d3446bff086068f37cdfbc0a72c1b51";
const std::string kPhotoSha = "b07bbf84836839da9bf3ed9b9018da768be9bbe9408eea16a39fae7f1cdac37b";

// The demo county, task #1 planned and reported on with two evidence files; its data folder
// (where earlier versions kept evidence) is inside the scratch folder.
struct DemoWithEvidence {
    ScratchDir dir;
    Patrol patrol{dir};

    DemoWithEvidence() {
        setenv("PATROL_DATA", dir.file("data").c_str(), 1);
        ok({"demo"});
        ok({"task", "plan", "1", "--measure", "退回补贴", "--handler", "赵强", "--leader", "钱伟"});
        ok({"task", "progress", "1", "--percent", "50", "--note", "已退回部分款项", "--evidence",
            dir.write("收据.pdf", "receipt: 5200 yuan returned\n"), "--evidence", dir.write("制度.jpg", "photo of the new rules\n")});
    }
    ~DemoWithEvidence() { unsetenv("PATROL_DATA"); }

    Run ok(const std::vector<std::string>& args, const std::string& user = "") const {
        Run r = patrol(args, user);
        INFO("patrol " << args.at(0) << "\nstdout: " << r.out << "\nstderr: " << r.err);
        REQUIRE(r.exitCode == 0);
        return r;
    }
    std::string audits() const { return rawScalar(patrol.db(), "SELECT count(*) FROM audit_events"); }
};

std::string evidencePath(const std::string& sha) { return "patrol.evidence/" + sha.substr(0, 2) + "/" + sha; }

// Every file under `folder`, relative and sorted.
std::vector<std::string> filesUnder(const std::string& folder) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(folder))
        if (e.is_regular_file()) out.push_back(fs::relative(e.path(), folder).generic_string());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> namesIn(const std::string& folder) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(folder)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

// A copy of a backup folder to tamper with.
std::string copyOf(const ScratchDir& dir, const std::string& backup, const std::string& name) {
    fs::copy(backup, dir.file(name), fs::copy_options::recursive);
    return dir.file(name);
}

void replaceIn(const std::string& path, const std::string& from, const std::string& to) {
    std::string text = readText(path);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// SHA-256 of a file as sha256sum prints it.
std::string sha256Of(const std::string& path) {
    FILE* pipe = popen(("sha256sum '" + path + "'").c_str(), "r");
    REQUIRE(pipe);
    char hex[65] = {};
    REQUIRE(fread(hex, 1, 64, pipe) == 64);
    pclose(pipe);
    return hex;
}

// Entries of `folder` whose names start with a dot (a half-written backup would be one).
std::vector<std::string> hiddenIn(const std::string& folder) {
    std::vector<std::string> out;
    for (const auto& name : namesIn(folder))
        if (name[0] == '.') out.push_back(name);
    return out;
}

}  // namespace

TEST_CASE("a backup of the demo with evidence holds the database, every evidence file and a manifest, and verifies") {
    DemoWithEvidence demo;
    const std::string backup = demo.dir.file("备份1");
    const Run run = demo.ok({"backup", backup});
    const auto dbBytes = std::to_string(fs::file_size(backup + "/patrol.db"));
    CHECK(run.out == "已备份数据库 " + demo.patrol.db() + " 到 " + backup + "：\n"
                     "  数据库   patrol.db（结构版本 v10，" + dbBytes + " 字节，审计事件 " + demo.audits() + " 条）\n"
                     "  佐证材料 patrol.evidence/ 共 2 个文件（佐证记录 2 条）\n"
                     "  清单     manifest.json（每个文件的 SHA-256）\n"
                     "核验备份：patrol backup verify " + backup + "\n");
    CHECK(filesUnder(backup) ==
          std::vector<std::string>{"manifest.json", "patrol.db", evidencePath(kPhotoSha), evidencePath(kReceiptSha)});
    CHECK(readText(backup + "/" + evidencePath(kReceiptSha)) == "receipt: 5200 yuan returned\n");
    const std::string manifest = readText(backup + "/manifest.json");
    CHECK(manifest.find("\"path\": \"" + evidencePath(kReceiptSha) + "\",\n      \"size\": 28,\n      \"sha256\": \"" +
                        kReceiptSha + "\"") != std::string::npos);
    CHECK(manifest.find("\"evidence\": 2,") != std::string::npos);
    CHECK(manifest.find("\"created_by\": \"admin\"") != std::string::npos);
    // The evidence lives next to the database; no temporary folder is left next to the backup.
    CHECK(filesUnder(demo.dir.file("patrol.evidence")) ==
          std::vector<std::string>{kPhotoSha.substr(0, 2) + "/" + kPhotoSha, kReceiptSha.substr(0, 2) + "/" + kReceiptSha});
    CHECK_FALSE(fs::exists(demo.dir.file("data")));
    CHECK(hiddenIn(demo.dir.path().string()).empty());

    const Run verified = demo.ok({"backup", "verify", backup});
    CHECK(verified.out.rfind("备份 " + backup + " 完好：3 个文件与清单一致；数据库 patrol.db 通过完整性检查，审计日志哈希链完整（" +
                                 demo.audits() + " 条事件），数据与审计记录一致；2 条佐证记录的文件齐全。\n（", 0) == 0);
    CHECK(verified.out.find(" 由 admin 备份自 " + demo.patrol.db() + "）\n") != std::string::npos);
}

TEST_CASE("verify names the first problem: a changed, a missing or an extra file, an edited database, a broken chain") {
    DemoWithEvidence demo;
    const std::string backup = demo.dir.file("backup");
    demo.ok({"backup", backup});
    const auto expectFailure = [&](const std::string& folder, const std::string& problem) {
        const Run run = demo.patrol.raw({"backup", "verify", folder});
        CHECK(run.exitCode == 2);
        CHECK(run.out.empty());
        CHECK(run.err == "备份 " + folder + " 核验失败：" + problem + "\n这份备份不可信：请改用其他备份，或重新备份。\n");
    };

    SECTION("an evidence file whose bytes changed") {
        const std::string copy = copyOf(demo.dir, backup, "changed");
        std::ofstream(copy + "/" + evidencePath(kReceiptSha), std::ios::trunc) << "tampered\n";
        expectFailure(copy, "文件 " + evidencePath(kReceiptSha) + " 的 SHA-256 与清单不符（清单记录 " + kReceiptSha +
                                "，28 字节；实际 92e78d0b032962f47792a9fa95fd981ef63e1e3ef074d536d6304c75eddbe29f，9 字节）："
                                "文件已被改动或损坏。");
    }
    SECTION("an evidence file that was deleted") {
        const std::string copy = copyOf(demo.dir, backup, "deleted");
        fs::remove(copy + "/" + evidencePath(kPhotoSha));
        expectFailure(copy, "清单中的文件 " + evidencePath(kPhotoSha) + " 不存在。");
    }
    SECTION("a file the manifest does not list") {
        const std::string copy = copyOf(demo.dir, backup, "extra");
        std::ofstream(copy + "/patrol.evidence/notes.txt") << "x";
        expectFailure(copy, "备份目录中有清单未列出的文件 patrol.evidence/notes.txt。");
    }
    SECTION("the database edited behind the tool's back") {
        const std::string copy = copyOf(demo.dir, backup, "edited");
        const std::string before = sha256Of(copy + "/patrol.db");
        rawExec(copy + "/patrol.db", "UPDATE findings SET title = '无问题' WHERE id = 1");
        const Run run = demo.patrol.raw({"backup", "verify", copy});
        CHECK(run.exitCode == 2);
        CHECK(run.err.rfind("备份 " + copy + " 核验失败：文件 patrol.db 的 SHA-256 与清单不符（清单记录 " + before, 0) == 0);
    }
    SECTION("the database and its manifest both edited: the audit chain names the event") {
        const std::string copy = copyOf(demo.dir, backup, "chain");
        const std::string before = sha256Of(copy + "/patrol.db");
        rawExec(copy + "/patrol.db", "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = '某人' WHERE id = 3");
        replaceIn(copy + "/manifest.json", before, sha256Of(copy + "/patrol.db"));
        const Run run = demo.patrol.raw({"backup", "verify", copy});
        CHECK(run.exitCode == 2);
        CHECK(run.err.rfind("备份 " + copy + " 核验失败：数据库 patrol.db 的审计日志核验失败：", 0) == 0);
        CHECK(run.err.find("#3") != std::string::npos);
    }
    SECTION("an evidence file removed together with its manifest entry: the evidence row names it") {
        const std::string copy = copyOf(demo.dir, backup, "unlisted");
        fs::remove(copy + "/" + evidencePath(kPhotoSha));
        std::string manifest = readText(copy + "/manifest.json");
        const auto entry = manifest.find(",\n    {\n      \"path\": \"" + evidencePath(kPhotoSha));
        REQUIRE(entry != std::string::npos);
        manifest.erase(entry, manifest.find('}', entry) + 1 - entry);
        std::ofstream(copy + "/manifest.json", std::ios::trunc) << manifest;
        expectFailure(copy, "佐证材料 #2「制度.jpg」（整改任务 #1）的文件 " + evidencePath(kPhotoSha) + " 不在备份中。");
    }
    SECTION("a folder that does not exist") {
        const Run run = demo.patrol.raw({"backup", "verify", demo.dir.file("nowhere")});
        CHECK(run.exitCode == 2);
        CHECK(run.err == "错误: 备份目录 " + demo.dir.file("nowhere") + " 不存在。请检查路径。\n");
    }
    SECTION("no manifest") {
        const std::string copy = copyOf(demo.dir, backup, "bare");
        fs::remove(copy + "/manifest.json");
        expectFailure(copy, "缺少清单文件 manifest.json：这不是 patrol backup 生成的备份目录，或清单已被删除。");
    }
}

TEST_CASE("backup refuses a used folder, a user who is not an admin and a missing evidence file, leaving nothing") {
    DemoWithEvidence demo;
    SECTION("a folder that exists and is not empty") {
        const std::string used = demo.dir.write("used/keep.txt", "mine");
        const Run run = demo.patrol({"backup", demo.dir.file("used")});
        CHECK(run.exitCode == 2);
        CHECK(run.err == "错误: 备份目录 " + demo.dir.file("used") +
                             " 已存在且不是空目录：为免覆盖已有的文件，备份只写入新的或空的目录。请指定一个新目录。\n");
        CHECK(filesUnder(demo.dir.file("used")) == std::vector<std::string>{"keep.txt"});
    }
    SECTION("an empty folder is used") {
        fs::create_directory(demo.dir.file("empty"));
        demo.ok({"backup", demo.dir.file("empty")});
        CHECK(demo.patrol.raw({"backup", "verify", demo.dir.file("empty")}).exitCode == 0);
    }
    SECTION("an inspector may not back up") {
        const Run run = demo.patrol({"backup", demo.dir.file("b")}, "李明华");
        CHECK(run.exitCode == 2);
        CHECK(run.err == "错误: 用户「李明华」（巡察组成员）无权备份数据库：只有巡察办管理员（admin）可以这样做。\n");
        CHECK_FALSE(fs::exists(demo.dir.file("b")));
    }
    SECTION("an evidence file missing from the evidence folder") {
        fs::remove(demo.dir.file(evidencePath(kPhotoSha)));
        const Run run = demo.patrol({"backup", demo.dir.file("b")});
        CHECK(run.exitCode == 2);
        CHECK(run.err == "错误: 佐证材料 #2「制度.jpg」（整改任务 #1）的文件不在佐证材料目录 " + demo.dir.file("patrol.evidence") +
                             " 中（应为 " + kPhotoSha.substr(0, 2) + "/" + kPhotoSha +
                             "）。备份未完成，没有写入任何文件；请找回该文件放回原处后重试。\n");
        CHECK_FALSE(fs::exists(demo.dir.file("b")));
        CHECK(hiddenIn(demo.dir.path().string()).empty());
    }
}

TEST_CASE("a backup taken while others write is one consistent snapshot") {
    DemoWithEvidence demo;
    SECTION("a connection holding an uncommitted write: the copy has none of it and does not wait") {
        sqlite3* writer = nullptr;
        REQUIRE(sqlite3_open(demo.patrol.db().c_str(), &writer) == SQLITE_OK);
        REQUIRE(sqlite3_exec(writer, "BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('uncommitted', 'x');", nullptr,
                             nullptr, nullptr) == SQLITE_OK);
        const Run run = demo.patrol({"backup", demo.dir.file("b")});
        sqlite3_exec(writer, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close(writer);
        CHECK(run.exitCode == 0);
        CHECK(rawScalar(demo.dir.file("b/patrol.db"), "SELECT count(*) FROM meta WHERE key = 'uncommitted'") == "0");
        CHECK(rawScalar(demo.patrol.db(), "SELECT count(*) FROM meta WHERE key = 'uncommitted'") == "1");
        CHECK(demo.patrol.raw({"backup", "verify", demo.dir.file("b")}).exitCode == 0);
    }
    SECTION("a second patrol process adding units throughout") {
        const std::string unitsBefore = rawScalar(demo.patrol.db(), "SELECT count(*) FROM units");
        const std::string auditsBefore = demo.audits();
        ScratchDir writerDir;
        const Patrol writer(writerDir);
        setenv("PATROL_DATA", demo.dir.file("data").c_str(), 1);
        int added = 0;
        std::thread adding([&] {
            for (int i = 0; i < 25; ++i)
                if (writer.raw({"unit", "add", "--code", "W" + std::to_string(i), "--name", "新单位" + std::to_string(i), "--kind",
                                "other", "--db", demo.patrol.db()})
                        .exitCode == 0)
                    ++added;
        });
        std::vector<Run> runs;
        for (int i = 0; i < 3; ++i) runs.push_back(demo.patrol({"backup", demo.dir.file("b" + std::to_string(i))}));
        adding.join();
        CHECK(added == 25);
        for (int i = 0; i < 3; ++i) {
            INFO("backup " << i << ": " << runs[i].err);
            CHECK(runs[i].exitCode == 0);
            const std::string copy = demo.dir.file("b" + std::to_string(i) + "/patrol.db");
            CHECK(demo.patrol.raw({"backup", "verify", demo.dir.file("b" + std::to_string(i))}).exitCode == 0);
            // Each unit and its audit event were committed together: a snapshot has both or neither.
            const int units = std::stoi(rawScalar(copy, "SELECT count(*) FROM units")) - std::stoi(unitsBefore);
            const int audits = std::stoi(rawScalar(copy, "SELECT count(*) FROM audit_events")) - std::stoi(auditsBefore);
            CHECK(units == audits);
            CHECK(units >= 0);
            CHECK(units <= 25);
        }
    }
}

TEST_CASE("restore puts the database and its evidence at a new path, the CLI reads them and the audit verifies") {
    DemoWithEvidence demo;
    const std::string backup = demo.dir.file("backup");
    demo.ok({"backup", backup});
    fs::create_directory(demo.dir.file("restored"));
    const std::string target = demo.dir.file("restored/county.db");
    Run run = demo.patrol.raw({"backup", "restore", backup, "--db", target});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已从备份 " + backup + " 恢复数据库 " + target + "，佐证材料 2 个文件在 " +
                         demo.dir.file("restored/county.evidence") + "。\n可用 patrol audit verify --db " + target +
                         " 核验审计日志。\n");
    CHECK(filesUnder(demo.dir.file("restored")) ==
          std::vector<std::string>{"county.db", "county.evidence/" + kPhotoSha.substr(0, 2) + "/" + kPhotoSha,
                                   "county.evidence/" + kReceiptSha.substr(0, 2) + "/" + kReceiptSha});

    run = demo.patrol.raw({"task", "show", "1", "--db", target});
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("佐证材料（2）:\n  #1  收据.pdf  28 字节  sha256:" + kReceiptSha + "\n  #2  制度.jpg  23 字节  sha256:" +
                       kPhotoSha + "\n") != std::string::npos);
    CHECK(readText(demo.dir.file("restored/county.evidence/" + kReceiptSha.substr(0, 2) + "/" + kReceiptSha)) ==
          "receipt: 5200 yuan returned\n");
    run = demo.patrol.raw({"audit", "verify", "--db", target});
    CHECK(run.exitCode == 0);
    CHECK(run.out.rfind("审计日志完整：共核验 " + demo.audits() + " 条事件，哈希链无断裂\n数据与审计记录一致：共核对 ", 0) == 0);
    // The restored database takes new work, with evidence next to it.
    run = demo.patrol.raw({"task", "progress", "1", "--percent", "80", "--note", "继续整改", "--evidence",
                           demo.dir.write("新凭证.pdf", "more\n"), "--db", target});
    CHECK(run.exitCode == 0);
    CHECK(fs::exists(demo.dir.file("restored/county.evidence/" + sha256Of(demo.dir.file("新凭证.pdf")).substr(0, 2))));

    SECTION("an existing database is never overwritten") {
        const std::string before = sha256Of(demo.patrol.db());
        run = demo.patrol.raw({"backup", "restore", backup, "--db", demo.patrol.db()});
        CHECK(run.exitCode == 2);
        CHECK(run.err == "错误: 数据库 " + demo.patrol.db() +
                             " 已存在：恢复不会覆盖已有的数据库。请指定一个还不存在的数据库文件，或先把现有的数据库移到别处。\n");
        CHECK(sha256Of(demo.patrol.db()) == before);
    }
    SECTION("a backup that fails verification is not restored") {
        std::ofstream(backup + "/" + evidencePath(kReceiptSha), std::ios::trunc) << "tampered\n";
        const std::string other = demo.dir.file("restored/other.db");
        run = demo.patrol.raw({"backup", "restore", backup, "--db", other});
        CHECK(run.exitCode == 2);
        CHECK(run.err.rfind("错误: 备份 " + backup + " 未通过核验，不能用来恢复：文件 " + evidencePath(kReceiptSha) +
                                " 的 SHA-256 与清单不符", 0) == 0);
        CHECK_FALSE(fs::exists(other));
        CHECK_FALSE(fs::exists(demo.dir.file("restored/other.evidence")));
    }
}

TEST_CASE("evidence an earlier version kept in the data folder is still found and is carried into the backup") {
    DemoWithEvidence demo;
    // Where earlier versions stored it: <data.folder>/evidence/<2 hex>/<sha>, path recorded so.
    fs::create_directories(demo.dir.file("data/evidence/" + kReceiptSha.substr(0, 2)));
    fs::rename(demo.dir.file(evidencePath(kReceiptSha)),
               demo.dir.file("data/evidence/" + kReceiptSha.substr(0, 2) + "/" + kReceiptSha));
    rawExec(demo.patrol.db(), "UPDATE evidence SET stored_path = 'evidence/' || stored_path WHERE id = 1");
    const std::string backup = demo.dir.file("backup");
    demo.ok({"backup", backup});
    CHECK(readText(backup + "/" + evidencePath(kReceiptSha)) == "receipt: 5200 yuan returned\n");
    // The row was rewritten here behind the tool's back to look old, which verify rightly names.
    const Run run = demo.patrol.raw({"backup", "verify", backup});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("核验失败：数据库 patrol.db 的数据与审计记录不符：表 evidence 第 1 行的 stored_path 为 evidence/") !=
          std::string::npos);
}

TEST_CASE("a backup of data edited behind the tool's back does not verify, naming the row") {
    DemoWithEvidence demo;
    rawExec(demo.patrol.db(), "UPDATE findings SET title = '无问题' WHERE id = 1");
    const std::string backup = demo.dir.file("backup");
    demo.ok({"backup", backup});
    const Run run = demo.patrol.raw({"backup", "verify", backup});
    CHECK(run.exitCode == 2);
    CHECK(run.err.rfind("备份 " + backup + " 核验失败：数据库 patrol.db 的数据与审计记录不符：表 findings 第 1 行的 title 为 无问题，而其最近的审计事件 #", 0) == 0);
    CHECK(run.err.find("该行在本工具之外被改动。\n这份备份不可信：请改用其他备份，或重新备份。\n") != std::string::npos);
}
