// `patrol check` and `patrol plugin` as a user runs them: stdout, stderr and exit codes.
#include "data/temp_folder.hpp"
#include "fixture_paths.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

using patrol::testing::fixtureFolder;
using patrol::testing::fixtureLabel;

namespace {

struct Result {
    int exit = -1;
    std::string out;
    std::string err;
};

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A folder with a configuration that adds the fixture plugins and a database of its own.
struct Cli {
    patrol::testing::TempFolder folder;
    Cli() {
        folder.write("patrol.ini", "[plugins]\nfolders = " + fixtureFolder() + "\n[plugin.fixture_good]\nthreshold = 200\n");
        folder.write("data/fixture_good/items.csv",
                     "item_id,unit_code,day,amount,kind,count\nI3,U2,2026-01-03,250.50,a,\nI1,U1,2026-01-05,99.99,b,2\nI2,U1,2026-01-03,100.01,,\n"
                     "I4,U1,2026-01-06,5,b,\n");
        folder.write("calendar.json", R"({"years": [2026], "holidays": ["2026-01-05"], "workdays": []})");
    }
    std::string dir() const { return folder.path().string(); }

    // `launcher` goes before the executable, e.g. "timeout 20 " where a regression could hang.
    Result run(const std::string& args, const std::string& launcher = "") const {
        const std::string command = "PATROL_DB=" + dir() + "/p.db " + launcher + std::string(PATROL_BINARY_DIR) + "/bin/patrol --config " +
                                    dir() + "/patrol.ini " + args + " 2>" + dir() + "/stderr.txt";
        Result r;
        FILE* pipe = ::popen(command.c_str(), "r");
        char buffer[4096];
        for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.out.append(buffer, n);
        const int status = ::pclose(pipe);
        r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.err = slurp(folder.path() / "stderr.txt");
        return r;
    }
};

const std::string kFindings =
    "{\"plugin\":\"fixture_good\",\"rule\":\"FX-01\",\"unit\":\"U2\",\"refs\":[\"I3\"],\"amount\":50.50,\"title\":\"大额事项 I3\",\"detail\":\"金额 250.50 元\"}\n"
    "{\"plugin\":\"fixture_good\",\"rule\":\"FX-02\",\"unit\":\"U1\",\"refs\":[\"I1\"],\"amount\":null,\"title\":\"2026-01-05 非工作日\",\"detail\":\"\"}\n"
    "{\"plugin\":\"fixture_good\",\"rule\":\"FX-02\",\"unit\":\"U2\",\"refs\":[\"I2\",\"I3\"],\"amount\":null,\"title\":\"2026-01-03 非工作日\",\"detail\":\"\"}\n";

}  // namespace

TEST_CASE("patrol check prints one JSON object per finding on stdout and diagnostics on stderr") {
    Cli cli;
    const Result r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/data/fixture_good --as-of 2026-03-01 --calendar " + cli.dir() +
                             "/calendar.json");
    CHECK(r.exit == 0);
    CHECK(r.out == kFindings);
    const std::string data = cli.dir() + "/data/fixture_good";
    CHECK(r.err == "[fixture_good] 拒收 " + data + "/items.csv:5: 列 kind 为 b 时，列 count 必须填写\n"
                   "[fixture_good] 规则 FX-03（附表计数）已跳过：缺少数据文件 " + data + "/extras.csv\n"
                   "[fixture_good] 信息：threshold=200.00 words=甲|乙 ratio=0.5 night=22:00 limit=3\n"
                   "[fixture_good] 采用 3 行，拒收 1 行，跳过规则 1 条，发现疑似问题 3 个\n"
                   "共发现疑似问题 3 个（试运行，未记录；加 --round 记录到轮次）\n");
    // The same run isolated, and over the parent folder with --plugin all.
    const Result isolated = cli.run("check --plugin fixture_good --isolate --data " + data + " --as-of 2026-03-01 --calendar " + cli.dir() + "/calendar.json");
    CHECK(isolated.exit == 0);
    CHECK(isolated.out == kFindings);
    const Result all = cli.run("check --plugin all --data " + cli.dir() + "/data --as-of 2026-03-01 --calendar " + cli.dir() + "/calendar.json");
    CHECK(all.exit == 0);
    CHECK(all.out == kFindings);
    CHECK(all.err.find("[fixture_throws] 没有数据目录 " + cli.dir() + "/data/fixture_throws，已跳过\n") != std::string::npos);
}

TEST_CASE("patrol check refuses unusable input with exit 2 and nothing on stdout") {
    Cli cli;
    cli.folder.write("bad/items.csv", "item_id,day\nI1,2026-01-01\n");
    Result r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/bad --as-of 2026-03-01");
    CHECK(r.exit == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "错误: 数据文件 " + cli.dir() + "/bad/items.csv 缺少必需的列 unit_code、amount（表 items「事项」需要；实际表头为：item_id, day）。请在第一行表头加上该列后重试。\n");
    r = cli.run("check --plugin nosuch --data " + cli.dir() + "/bad");
    CHECK(r.exit == 2);
    CHECK(r.err.rfind("错误: 未知的插件 nosuch。已安装的插件：", 0) == 0);
    r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/missing");
    CHECK(r.exit == 2);
    CHECK(r.err == "错误: 数据目录 " + cli.dir() + "/missing 不存在或不是目录。请用 --data 指定存放 CSV 文件的目录。\n");
    r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/data/fixture_good --calendar " + cli.dir() + "/nothing.json");
    CHECK(r.exit == 2);
    CHECK(r.out.empty());
}

TEST_CASE("a FIFO as a data file or an import file is refused at once, naming what it is") {
    Cli cli;
    const std::string fifo = cli.dir() + "/fifo/items.csv";
    std::filesystem::create_directories(cli.dir() + "/fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // Without a writer, open() of a FIFO waits forever: `timeout` turns a regression into exit 124.
    Result r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/fifo", "timeout 20 ");
    CHECK(r.exit == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "错误: 文件 " + fifo + " 是命名管道（FIFO），不是普通文件：只能读取普通的 CSV 文件。请换成导出的 CSV 文件本身。\n");
    REQUIRE(cli.run("init").exit == 0);
    r = cli.run("unit import " + fifo, "timeout 20 ");
    CHECK(r.exit == 2);
    CHECK(r.err == "错误: 文件 " + fifo + " 是命名管道（FIFO），不是普通文件：只能读取普通的 CSV 文件。请换成导出的 CSV 文件本身。\n");
    CHECK(cli.run("unit list --format csv").out == "code,name,kind,kind_name,parent,head,contact\r\n");
}

TEST_CASE("a data file whose lines end with CR alone is read like one with LF") {
    Cli cli;
    std::string crOnly = slurp(cli.folder.path() / "data/fixture_good/items.csv");
    std::replace(crOnly.begin(), crOnly.end(), '\n', '\r');
    cli.folder.write("cr/items.csv", crOnly);
    const Result r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/cr --as-of 2026-03-01 --calendar " + cli.dir() + "/calendar.json");
    CHECK(r.exit == 0);
    CHECK(r.out == kFindings);
    CHECK(r.err.find("[fixture_good] 拒收 " + cli.dir() + "/cr/items.csv:5: 列 kind 为 b 时，列 count 必须填写\n") != std::string::npos);
    CHECK(r.err.find("[fixture_good] 采用 3 行，拒收 1 行，跳过规则 1 条，发现疑似问题 3 个\n") != std::string::npos);
}

TEST_CASE("a data file or folder that cannot be looked at is an error naming it, not a missing file") {
    Cli cli;
    std::filesystem::create_directories(cli.dir() + "/loop");
    // items.csv -> again.csv -> items.csv: a symlink loop where the file should be.
    std::filesystem::create_symlink("again.csv", cli.dir() + "/loop/items.csv");
    std::filesystem::create_symlink("items.csv", cli.dir() + "/loop/again.csv");
    Result r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/loop");
    CHECK(r.exit == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "错误: 无法读取数据文件 " + cli.dir() + "/loop/items.csv：Too many levels of symbolic links。请检查该文件和所在目录的权限。\n");
    std::filesystem::create_symlink("folder-b", cli.dir() + "/folder-a");
    std::filesystem::create_symlink("folder-a", cli.dir() + "/folder-b");
    r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/folder-a");
    CHECK(r.exit == 2);
    CHECK(r.err == "错误: 无法读取数据目录 " + cli.dir() + "/folder-a：Too many levels of symbolic links。请检查该目录及其权限。\n");
}

TEST_CASE("a plugin that crashes under --isolate fails the check with exit 1 and its message") {
    Cli cli;
    cli.folder.write("data/fixture_crashes/items.csv", "item_id,unit_code\nX1,U1\n");
    const Result r = cli.run("check --plugin fixture_crashes --isolate --data " + cli.dir() + "/data/fixture_crashes --as-of 2026-03-01");
    CHECK(r.exit == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find(fixtureLabel("fixture_crashes") + "在隔离进程中异常终止（信号 11（SIGSEGV））。本次检查结果未记录。") != std::string::npos);
}

TEST_CASE("patrol check --round records suspected findings once") {
    Cli cli;
    REQUIRE(cli.run("init").exit == 0);
    REQUIRE(cli.run("unit add --code U1 --name 一号单位 --kind township").exit == 0);
    REQUIRE(cli.run("unit add --code U2 --name 二号单位 --kind township").exit == 0);
    REQUIRE(cli.run("round create --code R1 --title 测试轮次 --kind special --start 2026-01-01 --end 2026-06-30 --plugins fixture_good").exit == 0);
    REQUIRE(cli.run("round target --round R1 --unit U1 U2").exit == 0);
    const std::string check = "check --plugin all --data " + cli.dir() + "/data --as-of 2026-03-01 --calendar " + cli.dir() + "/calendar.json --round R1";
    Result r = cli.run(check);
    CHECK(r.exit == 0);
    CHECK(r.out == kFindings);
    CHECK(r.err.find("已记录到轮次 R1：新增疑似问题 3 个，此前已记录 0 个\n") != std::string::npos);
    r = cli.run(check);
    CHECK(r.err.find("已记录到轮次 R1：新增疑似问题 0 个，此前已记录 3 个\n") != std::string::npos);
    r = cli.run("finding list --round R1 --format csv");
    CHECK(r.exit == 0);
    CHECK(r.out.find("check:fixture_good/FX-01") != std::string::npos);
    r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/data/fixture_good --round R9");
    CHECK(r.exit == 2);
    CHECK(r.err == "错误: 巡察轮次「R9」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。\n");
}

TEST_CASE("patrol check --round records only the round's targets and names each unit left out") {
    Cli cli;
    REQUIRE(cli.run("init").exit == 0);
    REQUIRE(cli.run("unit add --code U1 --name 一号单位 --kind township").exit == 0);
    REQUIRE(cli.run("unit add --code U2 --name 二号单位 --kind township").exit == 0);
    REQUIRE(cli.run("user add --name 李四 --role inspector --conflict U2").exit == 0);
    REQUIRE(cli.run("round create --code R1 --title 测试轮次 --kind special --start 2026-01-01 --end 2026-06-30 --plugins fixture_good").exit == 0);
    REQUIRE(cli.run("round target --round R1 --unit U1").exit == 0);
    REQUIRE(cli.run("round team --round R1 --leader 李四").exit == 0);
    // U2 is not a target (李四 must avoid it); U9 is no unit at all.
    cli.folder.write("scope/items.csv",
                     "item_id,unit_code,day,amount,kind,count\nI3,U2,2026-01-03,250.50,a,\nI1,U1,2026-01-05,99.99,b,2\nI2,U1,2026-01-03,100.01,,\n"
                     "I5,U9,2026-01-06,300,,\n");
    const std::string check = "check --plugin fixture_good --data " + cli.dir() + "/scope --as-of 2026-03-01 --calendar " + cli.dir() + "/calendar.json --round R1";
    Result r = cli.run(check);
    CHECK(r.exit == 0);
    CHECK(r.err.find("单位「二号单位」(U2) 不是巡察轮次 R1 的巡察对象（巡察组成员「李四」已申报与该单位存在利害关系，需回避），其 2 个疑似问题未记录。\n"
                     "单位编码 U9 不存在，其 1 个疑似问题未记录。请核对台账中的单位编码，或先登记该单位。\n"
                     "已记录到轮次 R1：新增疑似问题 1 个，此前已记录 0 个，未记录 3 个（见上）\n") != std::string::npos);
    r = cli.run("finding list --round R1 --format csv");
    CHECK(r.exit == 0);
    CHECK(r.out.find(",U2,") == std::string::npos);
    CHECK(r.out.find(",U9,") == std::string::npos);
    CHECK(r.out.find("2026-01-05 非工作日") != std::string::npos);
    CHECK(r.out.find("2026-01-03 非工作日") == std::string::npos);
    // Only the target's finding was recorded: running again records nothing new.
    r = cli.run(check);
    CHECK(r.err.find("已记录到轮次 R1：新增疑似问题 0 个，此前已记录 1 个，未记录 3 个（见上）\n") != std::string::npos);
}

TEST_CASE("a check records only into a round that enables its plugin, and a round enables only installed plugins") {
    Cli cli;
    REQUIRE(cli.run("init").exit == 0);
    REQUIRE(cli.run("unit add --code U1 --name 一号单位 --kind township").exit == 0);
    Result r = cli.run("round create --code R0 --title 测试轮次 --kind special --start 2026-01-01 --end 2026-06-30 --plugins fixture_goood");
    CHECK(r.exit == 2);
    CHECK(r.err.rfind("错误: 未知的检查插件 fixture_goood。已安装的插件：", 0) == 0);
    CHECK(r.err.find("fixture_good、") != std::string::npos);
    CHECK(cli.run("round show R0").exit == 2);
    REQUIRE(cli.run("round create --code R1 --title 测试轮次 --kind special --start 2026-01-01 --end 2026-06-30 --plugins fixture_good,fixture_throws").exit == 0);
    REQUIRE(cli.run("round create --code R2 --title 未启用插件 --kind special --start 2026-01-01 --end 2026-06-30").exit == 0);
    REQUIRE(cli.run("round target --round R1 --unit U1").exit == 0);
    cli.folder.write("data/fixture_crashes/items.csv", "item_id,unit_code\nX1,U1\n");
    r = cli.run("check --plugin fixture_crashes --data " + cli.dir() + "/data/fixture_crashes --round R1");
    CHECK(r.exit == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "错误: 检查插件 fixture_crashes 未在巡察轮次 R1 中启用，其结果不能记录到该轮次。本轮启用的插件：fixture_good、fixture_throws。\n");
    r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/data/fixture_good --round R2");
    CHECK(r.exit == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "错误: 巡察轮次 R2 没有启用任何检查插件，检查结果不能记录到该轮次。\n");
    r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/data/fixture_good --as-of 2026-03-01 --calendar " + cli.dir() + "/calendar.json --round R1");
    CHECK(r.exit == 0);
}

TEST_CASE("patrol plugin list, show and verify") {
    Cli cli;
    Result r = cli.run("plugin list --format csv");
    CHECK(r.exit == 0);
    CHECK(r.out.find("fixture_good,测试用插件（正常）,1.2.3,1.3,loaded,,") != std::string::npos);
    CHECK(r.out.find("fixture_no_entry,测试用插件,0.1.0,1.0,failed,") != std::string::npos);
    r = cli.run("plugin show fixture_good");
    CHECK(r.exit == 0);
    CHECK(r.out.find("测试用插件（正常）（fixture_good）版本 1.2.3，插件 ABI 1.3，状态：已加载") != std::string::npos);
    CHECK(r.out.find("threshold  大额标准（元）  money    100.00  200.00") != std::string::npos);
    r = cli.run("plugin verify " + fixtureFolder() + "/fixture_good.so");
    CHECK(r.exit == 0);
    CHECK(r.out == "可用：插件 fixture_good（测试用插件（正常））版本 1.2.3，插件 ABI 1.3（本程序 1.3），数据表 2 张，规则 3 条，设置 5 项，检查要点 2 条，问题类别 1 个。\n");
    r = cli.run("plugin verify " + fixtureFolder() + "/fixture_abi_minor.so");
    CHECK(r.exit == 2);
    CHECK(r.err == "不可用：" + fixtureLabel("fixture_abi_minor") +
                       "无法加载：它需要插件 ABI 1.4，本程序只提供 ABI 1.3（次版本不能高于本程序）。请升级 patrol 到提供 ABI 1.4 或更新的版本，或用 ABI 1.3 的 SDK 重新构建该插件。\n");
}

TEST_CASE("rejects past data.max_listed_rejects are counted, not listed, and an oversize value is rejected by its line") {
    Cli cli;
    cli.folder.write("patrol.ini", "[plugins]\nfolders = " + fixtureFolder() + "\n[data]\nmax_listed_rejects = 2\nmax_field_bytes = 16\n");
    std::string rows = "item_id,unit_code,day,amount,kind,count\nI1,U1,2026-01-05,99.99,b,2\n";
    for (int i = 0; i < 5; ++i) rows += "B" + std::to_string(i) + ",U1,2026-13-01,1,a,\n";
    rows += "I9," + std::string(17, 'U') + ",2026-01-03,1,a,\n";
    cli.folder.write("many/items.csv", rows);
    const Result r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/many --as-of 2026-03-01 --calendar " + cli.dir() + "/calendar.json");
    CHECK(r.exit == 0);
    const std::string file = cli.dir() + "/many/items.csv";
    CHECK(r.err.find("[fixture_good] 拒收 " + file + ":3: 列 day 的值 \"2026-13-01\" 不是有效日期（月份应为 01–12，实为 13）\n"
                     "[fixture_good] 拒收 " + file + ":4: 列 day 的值 \"2026-13-01\" 不是有效日期（月份应为 01–12，实为 13）\n"
                     "[fixture_good] 拒收的行只列出了前 2 行，以及另外 4 行未列出（列出的行数见设置 data.max_listed_rejects）\n") != std::string::npos);
    CHECK(r.err.find(":8:") == std::string::npos);
    CHECK(r.err.find("[fixture_good] 采用 1 行，拒收 6 行，") != std::string::npos);

    cli.folder.write("patrol.ini", "[plugins]\nfolders = " + fixtureFolder() + "\n[data]\nmax_listed_rejects = 10\nmax_field_bytes = 16\n");
    const Result all = cli.run("check --plugin fixture_good --data " + cli.dir() + "/many --as-of 2026-03-01 --calendar " + cli.dir() + "/calendar.json");
    CHECK(all.err.find("[fixture_good] 拒收 " + file + ":8: 第 2 个字段超过每个值 16 字节的上限（设置 data.max_field_bytes），此行不予采用\n") !=
          std::string::npos);
    CHECK(all.err.find("未列出") == std::string::npos);

    cli.folder.write("patrol.ini", "[data]\nmax_listed_rejects = -1\n");
    const Result bad = cli.run("check --plugin fixture_good --data " + cli.dir() + "/many");
    CHECK(bad.exit == 2);
    CHECK(bad.err == "错误: 设置 data.max_listed_rejects 的值 -1 超出范围：应为 0 到 10000000 行。\n");
}
