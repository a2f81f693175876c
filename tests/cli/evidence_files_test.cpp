// Where evidence files go (next to their database, or evidence.folder) and what is not evidence.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;
namespace fs = std::filesystem;

namespace {

const std::string kHelloSha = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";  // "hello\n"

// The demo county with task #1 planned; the data folder inside the scratch folder.
void plannedDemo(const ScratchDir& dir, const Patrol& patrol) {
    setenv("PATROL_DATA", dir.file("data").c_str(), 1);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    REQUIRE(patrol({"task", "plan", "1", "--measure", "退回补贴", "--handler", "赵强", "--leader", "钱伟"}).exitCode == 0);
}

}  // namespace

TEST_CASE("evidence is kept next to its database, so copying the database's folder copies everything") {
    ScratchDir dir;
    Patrol patrol(dir);
    plannedDemo(dir, patrol);
    const auto run = patrol({"task", "progress", "1", "--percent", "10", "--note", "n", "--evidence", dir.write("凭证.pdf", "hello\n")});
    unsetenv("PATROL_DATA");
    CHECK(run.exitCode == 0);
    CHECK(readText(dir.file("patrol.evidence/58/" + kHelloSha)) == "hello\n");
    CHECK(rawScalar(patrol.db(), "SELECT stored_path FROM evidence") == "58/" + kHelloSha);
    CHECK_FALSE(fs::exists(dir.file("data")));
}

TEST_CASE("the setting evidence.folder puts evidence elsewhere") {
    ScratchDir dir;
    Patrol patrol(dir);
    plannedDemo(dir, patrol);
    const std::string config = dir.write("patrol.ini", "[evidence]\nfolder = " + dir.file("files") + "\n");
    const auto run = patrol({"task", "progress", "1", "--percent", "10", "--note", "n", "--config", config, "--evidence",
                             dir.write("凭证.pdf", "hello\n")});
    unsetenv("PATROL_DATA");
    CHECK(run.exitCode == 0);
    CHECK(readText(dir.file("files/58/" + kHelloSha)) == "hello\n");
    CHECK_FALSE(fs::exists(dir.file("patrol.evidence")));
}

TEST_CASE("an empty file is not evidence: the report is refused, naming the file, and nothing is stored") {
    ScratchDir dir;
    Patrol patrol(dir);
    plannedDemo(dir, patrol);
    const std::string empty = dir.write("空白.pdf", "");
    const auto run = patrol({"task", "progress", "1", "--percent", "10", "--note", "n", "--evidence", dir.write("凭证.pdf", "hello\n"),
                             "--evidence", empty});
    unsetenv("PATROL_DATA");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 佐证材料文件 " + empty + " 是空文件（0 字节），不能作为佐证材料。请选择有内容的文件。\n");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM progress_reports") == "0");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM evidence") == "0");
    CHECK(rawScalar(patrol.db(), "SELECT status FROM rectification_tasks WHERE id = 1") == "planned");
    CHECK_FALSE(fs::exists(dir.file("patrol.evidence")));
}
