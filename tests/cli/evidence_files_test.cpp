// Where evidence files go (next to their database, or evidence.folder) and what is not evidence.
#include <catch2/catch.hpp>

#include <sys/stat.h>

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

namespace {

// Runs patrol under `timeout`, so that a patrol that blocks fails the test instead of hanging it.
Run within(const ScratchDir& dir, const Patrol& patrol, int seconds, std::vector<std::string> args) {
    const std::string exe = PATROL_BINARY_DIR "/bin/patrol";
    std::vector<std::string> wrapped{"/usr/bin/timeout", "-s", "KILL", std::to_string(seconds), exe};
    wrapped.insert(wrapped.end(), args.begin(), args.end());
    wrapped.insert(wrapped.end(), {"--db", patrol.db()});
    const std::string outFile = dir.file("stdout.txt"), errFile = dir.file("stderr.txt");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv;
    for (auto& a : wrapped) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    int status = 0;
    waitpid(pid, &status, 0);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readText(outFile), readText(errFile)};
}

void nothingRecorded(const Patrol& patrol, const ScratchDir& dir) {
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM progress_reports") == "0");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM evidence") == "0");
    CHECK(rawScalar(patrol.db(), "SELECT status FROM rectification_tasks WHERE id = 1") == "planned");
    CHECK_FALSE(fs::exists(dir.file("patrol.evidence")));
}

}  // namespace

TEST_CASE("a FIFO given as evidence is refused at once, before anything is read or stored") {
    ScratchDir dir;
    Patrol patrol(dir);
    plannedDemo(dir, patrol);
    unsetenv("PATROL_DATA");
    const std::string fifo = dir.file("管道.pdf");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto run = within(dir, patrol, 20,
                            {"task", "progress", "1", "--percent", "10", "--note", "n", "--evidence",
                             dir.write("凭证.pdf", "hello\n"), "--evidence", fifo});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 佐证材料 " + fifo +
                         " 不是普通文件，而是命名管道（FIFO）：--evidence 应指向一个已存在的普通文件；请先把内容保存为文件再上传。\n");
    nothingRecorded(patrol, dir);
}

TEST_CASE("a folder or a missing path given as evidence is refused, naming it") {
    ScratchDir dir;
    Patrol patrol(dir);
    plannedDemo(dir, patrol);
    unsetenv("PATROL_DATA");
    fs::create_directories(dir.file("材料"));
    const auto folder = within(dir, patrol, 20, {"task", "progress", "1", "--percent", "10", "--note", "n", "--evidence", dir.file("材料")});
    CHECK(folder.exitCode == 2);
    CHECK(folder.err == "错误: 佐证材料 " + dir.file("材料") +
                            " 不是普通文件，而是目录：--evidence 应指向一个已存在的普通文件；请先把内容保存为文件再上传。\n");
    const auto missing = within(dir, patrol, 20, {"task", "progress", "1", "--percent", "10", "--note", "n", "--evidence", dir.file("没有.pdf")});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err == "错误: 找不到佐证材料文件 " + dir.file("没有.pdf") + "：--evidence 应指向一个已存在的普通文件。\n");
    nothingRecorded(patrol, dir);
}

TEST_CASE("the name kept for a file is its base name, cleaned of control characters, Chinese intact") {
    ScratchDir dir;
    Patrol patrol(dir);
    plannedDemo(dir, patrol);
    unsetenv("PATROL_DATA");
    fs::create_directories(dir.file("子目录"));
    const std::string file = dir.write("子目录/现场\t照片.jpg", "hello\n");
    const auto run = patrol({"task", "progress", "1", "--percent", "10", "--note", "n", "--evidence", file});
    CHECK(run.exitCode == 0);
    CHECK(rawScalar(patrol.db(), "SELECT original_name FROM evidence") == "现场_照片.jpg");
    CHECK(rawScalar(patrol.db(), "SELECT size FROM evidence") == "6");
    CHECK(readText(dir.file("patrol.evidence/58/" + kHelloSha)) == "hello\n");

    // A backslash is part of a file's name here, not a folder separator.
    const std::string slashed = dir.write("子目录/收据\\2026.pdf", "receipt\n");
    REQUIRE(patrol({"task", "progress", "1", "--percent", "20", "--note", "n", "--evidence", slashed}).exitCode == 0);
    CHECK(rawScalar(patrol.db(), "SELECT original_name FROM evidence ORDER BY id DESC LIMIT 1") == "收据\\2026.pdf");
}
