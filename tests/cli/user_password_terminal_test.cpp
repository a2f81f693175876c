// `patrol user password NAME` at a terminal: asks twice without echo and keeps the password only
// when both entries agree. The test plays the terminal through a pseudo-terminal.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

// A person at a terminal answering the questions patrol writes to stderr.
class Terminal {
public:
    explicit Terminal(const ScratchDir& dir) : dir_(dir) {
        master_ = posix_openpt(O_RDWR | O_NOCTTY);
        REQUIRE(master_ >= 0);
        REQUIRE(grantpt(master_) == 0);
        REQUIRE(unlockpt(master_) == 0);
        slave_ = ptsname(master_);
    }
    ~Terminal() { close(master_); }

    void start(const std::vector<std::string>& args) {
        const std::string exe = PATROL_BINARY_DIR "/bin/patrol";
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, slave_.c_str(), O_RDWR | O_NOCTTY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, outFile().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 2, errFile().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<char*> argv{const_cast<char*>(exe.c_str())};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        REQUIRE(posix_spawn(&pid_, exe.c_str(), &actions, nullptr, argv.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&actions);
    }

    // Types `line` once patrol has asked `question` (echo is off by then: it asks after turning it off).
    void answer(const std::string& question, const std::string& line) {
        const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (readText(errFile()).find(question) == std::string::npos) {
            REQUIRE(std::chrono::steady_clock::now() < giveUp);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        const std::string typed = line + "\n";
        REQUIRE(write(master_, typed.data(), typed.size()) == static_cast<ssize_t>(typed.size()));
    }

    Run finish() {
        int status = 0;
        waitpid(pid_, &status, 0);
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readText(outFile()), readText(errFile())};
    }

    // What the terminal showed back of what was typed.
    std::string echoed() {
        std::string shown;
        char buf[256];
        pollfd p{master_, POLLIN, 0};
        while (poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {
            const ssize_t n = read(master_, buf, sizeof buf);
            if (n <= 0) break;
            shown.append(buf, static_cast<size_t>(n));
        }
        return shown;
    }

private:
    std::string outFile() const { return dir_.file("tty-out.txt"); }
    std::string errFile() const { return dir_.file("tty-err.txt"); }

    const ScratchDir& dir_;
    int master_ = -1;
    std::string slave_;
    pid_t pid_ = 0;
};

struct Office {
    ScratchDir dir;
    Patrol patrol{dir};
    Office() {
        REQUIRE(patrol({"init"}).exitCode == 0);
        REQUIRE(patrol({"user", "add", "--name", "张丽", "--role", "inspector"}).exitCode == 0);
    }
    std::vector<std::string> command() const { return {"user", "password", "张丽", "--db", patrol.db()}; }
    std::string hash() const { return rawScalar(patrol.db(), "SELECT ifnull(password_hash, '') FROM users WHERE name = '张丽'"); }
};

}  // namespace

TEST_CASE("at a terminal the password is asked twice without echo and kept when both agree") {
    Office o;
    Terminal tty(o.dir);
    tty.start(o.command());
    tty.answer("请输入用户「张丽」的新密码（输入时不显示）：", "清溪县巡察办第三组2026");
    tty.answer("请再输入一次：", "清溪县巡察办第三组2026");
    const Run run = tty.finish();
    CHECK(run.exitCode == 0);
    CHECK(run.err == "请输入用户「张丽」的新密码（输入时不显示）：\n请再输入一次：\n");
    CHECK(run.out == "已设置用户「张丽」的登录密码；用旧密码登录的会话均已结束。\n");
    CHECK(tty.echoed().find("2026") == std::string::npos);
    CHECK(o.hash().rfind("$argon2id$", 0) == 0);
}

TEST_CASE("at a terminal two different entries change nothing") {
    Office o;
    Terminal tty(o.dir);
    tty.start(o.command());
    tty.answer("新密码", "清溪县巡察办第三组2026");
    tty.answer("请再输入一次：", "清溪县巡察办第三组2025");
    const Run run = tty.finish();
    CHECK(run.exitCode == 2);
    CHECK(run.err == "请输入用户「张丽」的新密码（输入时不显示）：\n请再输入一次：\n"
                     "错误: 密码两次输入的不一致，密码没有改变。请重新运行本命令，两次输入同一个密码。\n");
    CHECK(o.hash().empty());
}
