// `patrol user password NAME`: the password comes from standard input (or the terminal), never
// from an argument; it is stored as argon2id.
#include <catch2/catch.hpp>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

struct Office {
    ScratchDir dir;
    Patrol patrol{dir};
    Office() {
        REQUIRE(patrol({"init"}).exitCode == 0);
        REQUIRE(patrol({"user", "add", "--name", "张丽", "--role", "inspector"}).exitCode == 0);
        REQUIRE(patrol({"user", "add", "--name", "刘芳", "--role", "inspector"}).exitCode == 0);
    }
    std::string hashOf(const std::string& name) const {
        return rawScalar(patrol.db(), "SELECT ifnull(password_hash, '') FROM users WHERE name = '" + name + "'");
    }
};

}  // namespace

TEST_CASE("user password reads one line from standard input and stores an argon2id hash") {
    Office o;
    const Run run = o.patrol.withStdin("清溪县巡察办第三组2026\n", {"user", "password", "张丽"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已设置用户「张丽」的登录密码；用旧密码登录的会话均已结束。\n");
    CHECK(run.err.empty());
    CHECK(o.hashOf("张丽").rfind("$argon2id$v=19$m=65536,t=3,p=1$", 0) == 0);
    CHECK(o.hashOf("刘芳").empty());

    // A user sets their own; a Windows line end is not part of the password.
    const Run own = o.patrol.withStdin("刘芳自己的新密码123\r\n", {"user", "password", "刘芳"}, "刘芳");
    CHECK(own.exitCode == 0);
    CHECK(o.hashOf("刘芳").rfind("$argon2id$", 0) == 0);
    CHECK(rawScalar(o.patrol.db(), "SELECT count(*) FROM audit_events WHERE action = 'user.password'") == "2");
    const Run verified = o.patrol({"audit", "verify"});
    CHECK(verified.exitCode == 0);
    CHECK(verified.out == "审计日志完整：共核验 4 条事件，哈希链无断裂\n数据与审计记录一致：共核对 2 行\n");
}

TEST_CASE("user password refuses a short password, empty input, someone else's name and a password argument") {
    Office o;
    Run run = o.patrol.withStdin("太短了\n", {"user", "password", "张丽"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 密码太短：至少需要 10 个字符，实际只有 3 个。请换一个更长的密码，例如由几个词组成的一句话。\n");
    CHECK(run.out.empty());

    run = o.patrol.withStdin("", {"user", "password", "张丽"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 密码没有读到：标准输入是空的。请在终端里运行本命令以便输入，或把密码作为一行写入标准输入。\n");

    run = o.patrol.withStdin("清溪县巡察办第三组2026\n", {"user", "password", "张丽"}, "刘芳");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「刘芳」（巡察组成员）无权设置用户「张丽」的密码：每位用户只能设置自己的密码，"
                     "为他人设置密码须由巡察办管理员（admin）进行。\n");

    run = o.patrol.withStdin("清溪县巡察办第三组2026\n", {"user", "password", "钱二"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「钱二」不存在。请检查姓名（可用 patrol user list 查看所有用户）。\n");

    run = o.patrol.withStdin("", {"user", "password", "张丽", "清溪县巡察办第三组2026"});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("清溪县巡察办第三组2026") != std::string::npos);  // refused as an extra argument

    CHECK(o.hashOf("张丽").empty());
    CHECK(rawScalar(o.patrol.db(), "SELECT count(*) FROM audit_events WHERE action = 'user.password'") == "0");
}

TEST_CASE("the minimum password length comes from the configuration") {
    Office o;
    const std::string config = o.dir.write("patrol.ini", "[auth]\npassword_min_length = 16\n");
    const Run run = o.patrol.withStdin("清溪县巡察办第三组2026\n", {"user", "password", "张丽", "--config", config});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 密码太短：至少需要 16 个字符，实际只有 13 个。请换一个更长的密码，例如由几个词组成的一句话。\n");
}
