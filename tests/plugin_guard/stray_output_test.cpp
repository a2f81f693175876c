// The guard itself, in this process: guards living on several threads at once share one pipe,
// every line written to stdout meanwhile reaches stderr labelled, and stdout is the same file
// again once the last guard ends.
#include "core/plugins/stray_output.hpp"
#include "data/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <vector>

namespace {

std::pair<dev_t, ino_t> fileOf(int fd) {
    struct stat st {};
    ::fstat(fd, &st);
    return {st.st_dev, st.st_ino};
}

}  // namespace

TEST_CASE("guards on several threads share the redirection and put stdout back after the last one") {
    patrol::testing::TempFolder folder;
    const std::string errFile = (folder.path() / "stderr.txt").string();
    const std::string outFile = (folder.path() / "stdout.txt").string();
    std::cout.flush();
    std::fflush(stdout);
    const int savedOut = ::dup(1), savedErr = ::dup(2);
    const int out = ::open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out, 1);
    ::dup2(err, 2);
    const auto before = fileOf(1);
    {
        patrol::plugins::StrayOutputGuard first("甲");
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([t] {
                patrol::plugins::StrayOutputGuard guard(t % 2 ? "乙" : "甲");
                const std::string line = "线程 " + std::to_string(t) + " 的输出\n";
                if (::write(1, line.data(), line.size()) < 0) std::abort();
            });
        for (auto& t : threads) t.join();
    }
    const auto after = fileOf(1);
    const char done[] = "标准输出已恢复\n";
    const bool wrote = ::write(1, done, sizeof done - 1) == static_cast<ssize_t>(sizeof done - 1);
    ::dup2(savedOut, 1);
    ::dup2(savedErr, 2);
    for (int fd : {out, err, savedOut, savedErr}) ::close(fd);
    CHECK(before == after);
    CHECK(wrote);
    std::ifstream o(outFile), e(errFile);
    std::stringstream outText, errText;
    outText << o.rdbuf();
    errText << e.rdbuf();
    CHECK(outText.str() == "标准输出已恢复\n");
    for (int t = 0; t < 4; ++t) {
        INFO(errText.str());
        const std::string line = "线程 " + std::to_string(t) + " 的输出\n";
        const size_t at = errText.str().find(line);
        REQUIRE(at != std::string::npos);
        // The label names the plugins running when the line was read: always the first one, 甲.
        const size_t start = errText.str().rfind('[', at);
        CHECK(errText.str().substr(start, at - start).find("甲") != std::string::npos);
        CHECK(errText.str().substr(start, at - start).find("] 标准输出：") != std::string::npos);
    }
}
