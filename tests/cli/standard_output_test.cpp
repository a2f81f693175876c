// Standard output that cannot all be written: every command says so and exits 2 when the
// output did not all reach its place (a full device), keeps quiet when its reader stopped
// reading (a closed pipe), and what it changed stays saved. `check` has its own refusal
// (tests/workflow_cli/check_output_test.cpp).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "cli/run_patrol.hpp"

using namespace patrol::testing;

namespace {

constexpr const char* kIncomplete =
    "错误: 输出未能全部写出：No space left on device。命令本身已经完成（如有改动，已经保存）；"
    "请检查磁盘空间和输出位置，再用相应的查询命令查看结果。\n";

// Runs `patrol <args> --db <db>` with standard output going to `outPath`.
Run runInto(const ScratchDir& dir, const Patrol& patrol, std::vector<std::string> args, const std::string& outPath) {
    args.push_back("--db");
    args.push_back(patrol.db());
    const std::string errFile = dir.file("stderr.txt");
    const pid_t pid = spawnPatrol(args, outPath, errFile);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    return {WEXITSTATUS(status), "", readText(errFile)};
}

// The write end of a pipe whose read end is already closed, as /proc names it for a child.
struct ClosedPipe {
    int ends[2] = {-1, -1};
    ClosedPipe() {
        REQUIRE(::pipe2(ends, O_CLOEXEC) == 0);
        REQUIRE(::fcntl(ends[1], F_SETFD, 0) == 0);  // the child opens it again through /proc
        ::close(ends[0]);
    }
    ~ClosedPipe() { ::close(ends[1]); }
    std::string path() const { return "/proc/self/fd/" + std::to_string(ends[1]); }
};

}  // namespace

TEST_CASE("a listing into a full device says its output is incomplete and exits 2") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX", "--name", "清溪县", "--kind", "other"}).exitCode == 0);

    const Run run = runInto(dir, patrol, {"unit", "list", "--format", "csv"}, "/dev/full");
    CHECK(run.exitCode == 2);
    CHECK(run.err == kIncomplete);
}

TEST_CASE("a change whose report cannot be written is saved and says so") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);

    const Run run = runInto(dir, patrol, {"unit", "add", "--code", "QX", "--name", "清溪县", "--kind", "other"}, "/dev/full");
    CHECK(run.exitCode == 2);
    CHECK(run.err == kIncomplete);
    CHECK(patrol({"unit", "list", "--format", "csv"}).out == "code,name,kind,kind_name,parent,head,contact\r\nQX,清溪县,other,其他,,,\r\n");

    // A command refused on its own keeps its refusal alone, whatever happened to its output.
    const Run again = runInto(dir, patrol, {"unit", "add", "--code", "QX", "--name", "清溪县", "--kind", "other"}, "/dev/full");
    CHECK(again.exitCode == 2);
    CHECK(again.err.rfind("错误: ", 0) == 0);
    CHECK(again.err.find("输出未能全部写出") == std::string::npos);
}

TEST_CASE("a listing whose reader stopped reading ends quietly") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX", "--name", "清溪县", "--kind", "other"}).exitCode == 0);

    const ClosedPipe pipe;
    const Run run = runInto(dir, patrol, {"unit", "list"}, pipe.path());
    CHECK(run.exitCode == 0);
    CHECK(run.err.empty());
}
