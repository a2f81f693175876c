// `patrol check` refuses when its findings cannot all be written (a full disk, a file size
// limit, a full device, a reader gone), before it records anything: a round never holds findings its user did
// not get to see. Standard output into a regular file is a WriteBehindBuffer, into anything
// else a DescriptorOutput (main.cpp); both ways are tried.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/wait.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "county.hpp"
#include "data/file_size_limit.hpp"

using namespace patrol::testing;

namespace {

// 8,000 gifts (FS-04) at unit UA on one day at one vendor (and so one FS-03 as well): about
// 2.3 MB of JSONL (no trips file: the rule that needs one is skipped).
std::string giftsFolder(const ScratchDir& dir) {
    std::string csv = "expense_id,unit_code,date,category,amount,headcount,vendor,description\n";
    for (int i = 0; i < 8000; ++i) csv += "E" + std::to_string(i) + ",UA,2026-03-16,gift,100.00,,商户,茅台酒礼盒\n";
    dir.write("gifts/expenses.csv", csv);
    return dir.file("gifts");
}

off_t sizeOf(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_size : -1;
}

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a check whose findings cannot all be written to its file is refused and records nothing", "[workflow_cli][check]") {
    County c;
    c.ok({"round", "create", "--code", "R2", "--title", "专项巡察", "--kind", "专项巡察", "--start", "2026-03-02", "--end", "2026-05-29",
          "--plugins", "four_styles"});
    c.ok({"round", "target", "--round", "R2", "--unit", "UA"});
    c.ok({"round", "advance", "--round", "R2", "--to", "进驻", "--date", "2026-03-10"});
    const std::vector<std::string> check = {"check", "--plugin", "four_styles", "--data", giftsFolder(c.dir), "--as-of", "2026-03-31",
                                            "--round", "R2"};
    // The limit must stop the findings, not the database.
    constexpr rlim_t kLimit = rlim_t{1} << 20;
    REQUIRE(sizeOf(c.patrol.db()) < static_cast<off_t>(kLimit / 2));

    Run refused;
    {
        const FileSizeLimit limit(kLimit);
        refused = c.patrol(check);
    }
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.substr(refused.err.rfind("错误")) == "错误: 无法写出检查结果：File too large。未记录到轮次 R2；请检查磁盘空间和输出位置后重试。\n");
    CHECK(refused.out.size() == kLimit);  // as much as the limit let through
    CHECK(c.ok({"finding", "list", "--round", "R2", "--format", "csv"}).out ==
          "id,round,unit,unit_name,category,title,severity,amount,status,status_name,source,transferred\r\n");

    const Run recorded = c.ok(check);
    CHECK(recorded.out.size() > 2 * kLimit);
    CHECK(recorded.out.substr(0, kLimit) == refused.out);
    CHECK(recorded.err.find("已记录到轮次 R2：新增疑似问题 8001 个，此前已记录 0 个\n") != std::string::npos);
}

TEST_CASE("a dry run into a full device is refused with what to do", "[workflow_cli][check]") {
    ScratchDir dir;
    const std::string errFile = dir.file("stderr.txt");
    const pid_t pid = spawnPatrol({"check", "--plugin", "four_styles", "--data", giftsFolder(dir), "--as-of", "2026-03-31"}, "/dev/full", errFile);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    const std::string err = contents(errFile);
    CHECK(err.substr(err.rfind("[four_styles]")) ==
          "[four_styles] 采用 8000 行，拒收 0 行，跳过规则 1 条，发现疑似问题 8001 个\n"
          "错误: 无法写出检查结果：No space left on device。请检查磁盘空间和输出位置后重试。\n");
}

TEST_CASE("a dry run whose reader has gone is refused with what to do", "[workflow_cli][check]") {
    ScratchDir dir;
    // A pipe no one reads: the read end is closed here, and never reaches patrol (close on exec).
    // Patrol opens the write end again through /proc as its standard output.
    int ends[2];
    REQUIRE(::pipe2(ends, O_CLOEXEC) == 0);
    REQUIRE(::fcntl(ends[1], F_SETFD, 0) == 0);
    ::close(ends[0]);
    const std::string errFile = dir.file("stderr.txt");
    const pid_t pid = spawnPatrol({"check", "--plugin", "four_styles", "--data", giftsFolder(dir), "--as-of", "2026-03-31"},
                                  "/proc/self/fd/" + std::to_string(ends[1]), errFile);
    ::close(ends[1]);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    const std::string err = contents(errFile);
    CHECK(err.substr(err.rfind("错误")) == "错误: 无法写出检查结果：接收输出的程序已先行结束（管道已关闭）。如只需看其中几条，请先把结果写入文件再查看。\n");
}
