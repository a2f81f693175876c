// A dataset file truncated while patrol reads it: exit 2 with a line naming the file, never
// an unexplained SIGBUS. Each case runs in a child process, which the fault ends.
#include <catch2/catch.hpp>

#include "core/data/file_text.hpp"
#include "core/data/shrink_guard.hpp"
#include "temp_folder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

using patrol::testing::TempFolder;

namespace {

struct ChildEnd {
    int status = 0;
    std::string stderrText;
};

// Runs body() in a child whose stderr is captured; body() returning means exit 0.
template <typename Body>
ChildEnd inChild(Body body) {
    int pipeEnds[2];
    REQUIRE(::pipe(pipeEnds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(pipeEnds[1], STDERR_FILENO);
        ::close(pipeEnds[0]);
        body();
        ::_exit(0);
    }
    ::close(pipeEnds[1]);
    ChildEnd end;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipeEnds[0], buffer, sizeof buffer)) > 0;) end.stderrText.append(buffer, static_cast<size_t>(n));
    ::close(pipeEnds[0]);
    REQUIRE(::waitpid(pid, &end.status, 0) == pid);
    return end;
}

std::string threePagesOfRows() {
    std::string text = "id,amount\n";
    for (int i = 0; text.size() < 3 * 4096; ++i) text += "E" + std::to_string(i) + ",12.50\n";
    return text;
}

}  // namespace

TEST_CASE("a dataset file truncated while it is read ends patrol with exit code 2 and a line naming the file") {
    TempFolder folder;
    const auto file = folder.write("expenses.csv", threePagesOfRows());
    const ChildEnd end = inChild([&] {
        patrol::data::FileText text(file);
        REQUIRE(::truncate(file.c_str(), 0) == 0);
        volatile char last = text.text()[text.text().size() - 1];
        (void)last;
    });
    REQUIRE(WIFEXITED(end.status));
    CHECK(WEXITSTATUS(end.status) == 2);
    CHECK(end.stderrText == "数据文件 " + file.string() +
                                " 在读取过程中变短了（被截断，或被另一个程序改写）：原有的内容已读不到，检查没有完成，什么也没有记录。"
                                "请等该文件写完、不再变动后重新运行。\n");
}

TEST_CASE("a bus error outside the guarded dataset files still ends the process with SIGBUS") {
    TempFolder folder;
    const auto guarded = folder.write("expenses.csv", threePagesOfRows());
    const auto other = folder.write("other.bin", std::string(3 * 4096, 'x'));
    const ChildEnd end = inChild([&] {
        patrol::data::FileText text(guarded);
        const int fd = ::open(other.c_str(), O_RDONLY);
        void* mapped = ::mmap(nullptr, 3 * 4096, PROT_READ, MAP_PRIVATE, fd, 0);
        REQUIRE(::truncate(other.c_str(), 0) == 0);
        volatile char byte = static_cast<const char*>(mapped)[2 * 4096];
        (void)byte;
    });
    REQUIRE(WIFSIGNALED(end.status));
    CHECK(WTERMSIG(end.status) == SIGBUS);
    CHECK(end.stderrText.empty());
}

TEST_CASE("a file read to its end and closed leaves no guard behind") {
    TempFolder folder;
    const auto file = folder.write("expenses.csv", threePagesOfRows());
    const ChildEnd end = inChild([&] {
        const char* begin = nullptr;
        {
            patrol::data::FileText text(file);
            begin = text.text().data();
        }
        // Same address range mapped again from another file, unguarded: its fault is a plain SIGBUS.
        const int fd = ::open(file.c_str(), O_RDONLY);
        void* mapped = ::mmap(const_cast<char*>(begin), 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);
        if (mapped == MAP_FAILED) mapped = ::mmap(nullptr, 3 * 4096, PROT_READ, MAP_PRIVATE, fd, 0);
        REQUIRE(::truncate(file.c_str(), 0) == 0);
        volatile char byte = static_cast<const char*>(mapped)[2 * 4096];
        (void)byte;
    });
    REQUIRE(WIFSIGNALED(end.status));
    CHECK(WTERMSIG(end.status) == SIGBUS);
}
