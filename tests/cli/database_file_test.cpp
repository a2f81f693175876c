// `patrol init` and what happens with files that are not (current) patrol databases.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

TEST_CASE("init creates the database, then finds it up to date") {
    ScratchDir dir;
    Patrol patrol(dir);
    auto run = patrol({"init"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已创建 patrol 数据库：" + patrol.db() + "（结构版本 v10）\n");
    CHECK(run.err.empty());
    run = patrol({"init"});
    CHECK(run.out == "数据库 " + patrol.db() + " 已是最新结构版本 v10，无需改动\n");
}

TEST_CASE("init upgrades a v1 database in place") {
    ScratchDir dir;
    Patrol patrol(dir);
    rawExec(patrol.db(), readText(PATROL_SOURCE_DIR "/tests/store/fixtures/patrol-v1.sql"));
    const auto run = patrol({"init"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已将数据库 " + patrol.db() + " 从结构版本 v1 升级到 v10\n");
    CHECK(rawScalar(patrol.db(), "PRAGMA user_version") == "10");
    CHECK(patrol({"audit", "verify"}).out == "审计日志完整：共核验 3 条事件，哈希链无断裂\n数据与审计记录一致：共核对 0 行\n");
}

TEST_CASE("a database folder that does not exist yet is created") {
    ScratchDir dir;
    Patrol patrol(dir);
    const auto run = patrol.raw({"init", "--db", dir.file("data/sub/p.db")});
    CHECK(run.exitCode == 0);
    CHECK(rawScalar(dir.file("data/sub/p.db"), "PRAGMA user_version") == "10");
}

TEST_CASE("a file that is not a patrol database is refused with exit 2") {
    ScratchDir dir;
    Patrol patrol(dir);
    const std::string text = dir.write("notes.txt", std::string(200, 'x'));
    auto run = patrol.raw({"unit", "list", "--db", text});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 文件 " + text +
                         " 不是 patrol 数据库（不是 SQLite 文件）。请用 --db 指定正确的数据库文件，或用 patrol init 新建一个数据库。\n");
    CHECK(run.out.empty());

    const std::string other = dir.file("other.db");
    rawExec(other, "CREATE TABLE t (x)");
    run = patrol.raw({"unit", "list", "--db", other});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("不是 patrol 数据库（application_id=0）") != std::string::npos);
}

TEST_CASE("a database path that is a device or a folder is refused naming what it is, for init too") {
    ScratchDir dir;
    Patrol patrol(dir);
    for (const std::string command : {"unit", "init"}) {
        auto run = patrol.raw(command == "init" ? std::vector<std::string>{"init", "--db", "/dev/null"}
                                                : std::vector<std::string>{"unit", "list", "--db", "/dev/null"});
        CHECK(run.exitCode == 2);
        CHECK(run.err == "错误: 数据库路径 /dev/null 是字符设备，不是数据库文件。请指定一个 patrol 数据库文件。\n");
    }
    const auto run = patrol.raw({"init", "--db", dir.file("")});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("是目录，不是数据库文件。") != std::string::npos);
}

TEST_CASE("a database from a newer patrol is refused naming both versions") {
    ScratchDir dir;
    Patrol patrol(dir);
    patrol({"init"});
    rawExec(patrol.db(), "PRAGMA user_version = 11");
    const auto run = patrol({"unit", "list"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 数据库 " + patrol.db() +
                         " 的结构版本为 v11，而本程序只支持到 v10：它由更新版本的 patrol 创建。请升级 patrol 后再打开它。\n");
}

TEST_CASE("a database locked by another writer fails after the configured timeout, changing nothing") {
    ScratchDir dir;
    Patrol patrol(dir);
    patrol({"init"});
    const std::string config = dir.write("patrol.ini", "[database]\nbusy_timeout_ms = 100\n");
    sqlite3* holder = nullptr;
    sqlite3_open(patrol.db().c_str(), &holder);
    sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    const auto run = patrol({"unit", "add", "--code", "A", "--name", "甲", "--kind", "other", "--config", config});
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 数据库 " + patrol.db() +
                         " 正被另一个 patrol 进程写入，在等待时限（设置 database.busy_timeout_ms）内没有释放，"
                         "本次操作没有执行。请稍后重试，或调大该设置。\n");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM units") == "0");
}

TEST_CASE("a command given a database that does not exist refuses and creates nothing") {
    ScratchDir dir;
    Patrol patrol(dir);
    const std::string missing = dir.file("sub/missing.db");
    const std::string message = "错误: 数据库 " + missing + " 不存在。请先运行 patrol init --db " + missing + " 创建，或检查路径。\n";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"unit", "list"}, {"unit", "add", "--code", "A", "--name", "甲", "--kind", "other"},
          {"round", "team", "--round", "R1", "--member", "张丽"}, {"audit", "verify"}, {"backup", dir.file("b")}}) {
        std::vector<std::string> withDb = args;
        withDb.push_back("--db");
        withDb.push_back(missing);
        const auto run = patrol.raw(withDb);
        INFO(args.at(0) << " " << args.at(1));
        CHECK(run.exitCode == 2);
        CHECK(run.err == message);
        CHECK(run.out.empty());
    }
    // The same through PATROL_DB and through the setting database.path.
    setenv("PATROL_DB", missing.c_str(), 1);
    auto run = patrol.raw({"task", "list"});
    unsetenv("PATROL_DB");
    CHECK(run.exitCode == 2);
    CHECK(run.err == message);
    const std::string config = dir.write("patrol.ini", "[database]\npath = " + missing + "\n");
    run = patrol.raw({"finding", "list", "--config", config});
    CHECK(run.exitCode == 2);
    CHECK(run.err == message);
    CHECK_FALSE(std::filesystem::exists(dir.file("sub")));
    CHECK_FALSE(std::filesystem::exists(dir.file("b")));

    // init creates it (and its folder); then the same command works.
    CHECK(patrol.raw({"init", "--db", missing}).exitCode == 0);
    CHECK(patrol.raw({"unit", "list", "--db", missing}).exitCode == 0);
}

TEST_CASE("the demo makes its database on first run, as init does") {
    ScratchDir dir;
    Patrol patrol(dir);
    const auto run = patrol.raw({"demo", "--db", dir.file("demo/county.db")});
    CHECK(run.exitCode == 0);
    CHECK(run.out.rfind("已写入演示数据（清溪县）：" + dir.file("demo/county.db") + "\n", 0) == 0);
}

TEST_CASE("a ${...} reference that leads back to itself or names no setting is a configuration error") {
    ScratchDir dir;
    Patrol patrol(dir);
    const std::string circular = dir.write("circular.ini", "[data]\nfolder = ${data.folder}/x\n");
    auto run = patrol.raw({"init", "--config", circular});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 配置项 data.folder 的值经 ${...} 引用又回到了它自己（data.folder → data.folder）。请修改配置文件中的这一项。\n");
    const std::string undefined = dir.write("undefined.ini", "[data]\nfolder = " + dir.file("${nope.nope}") + "\n");
    run = patrol.raw({"init", "--config", undefined});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 配置项 data.folder 引用了不存在的配置项 ${nope.nope}。请修改配置文件中的这一项。\n");
    CHECK_FALSE(std::filesystem::exists(dir.file("${nope.nope}")));
}

TEST_CASE("a ${ without its } reads the rest of the value as the name, as the settings are expanded") {
    ScratchDir dir;
    Patrol patrol(dir);
    const std::string open = dir.write("open.ini", "[data]\nfolder = " + dir.file("x") + "/${data.folder\n");
    const auto run = patrol.raw({"init", "--config", open});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 配置项 data.folder 的值经 ${...} 引用又回到了它自己（data.folder → data.folder）。请修改配置文件中的这一项。\n");
    CHECK_FALSE(std::filesystem::exists(dir.file("x")));
}

TEST_CASE("${...} references nest at most ten settings deep, the eleventh is a configuration error naming the first") {
    ScratchDir dir;
    Patrol patrol(dir);
    // database.path -> chain.k0 -> ... -> chain.k<last>, whose value is the database file.
    const auto chained = [&](int last) {
        std::string ini = "[data]\nfolder = " + dir.file("data") + "\n[database]\npath = ${chain.k0}\n[chain]\n";
        for (int k = 0; k < last; ++k) ini += "k" + std::to_string(k) + " = ${chain.k" + std::to_string(k + 1) + "}\n";
        ini += "k" + std::to_string(last) + " = " + dir.file("deep.db") + "\n";
        return dir.write("chain.ini", ini);
    };
    auto run = patrol.raw({"init", "--config", chained(9)});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 配置项 database.path 的值经 ${...} 引用超过 10 层（database.path → … → chain.k9）。请减少配置文件中引用的层数。\n");
    CHECK_FALSE(std::filesystem::exists(dir.file("deep.db")));
    run = patrol.raw({"init", "--config", chained(8)});
    INFO(run.err);
    CHECK(run.exitCode == 0);
    CHECK(std::filesystem::exists(dir.file("deep.db")));
}
