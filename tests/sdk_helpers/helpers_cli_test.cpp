// The helpers as a plugin uses them through patrol, in process and isolated; a plugin of ABI 1.0
// on this ABI 1.3 host; and patrol_add_fixture_test's comparison failing as an author sees it.
#include "data/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace {

struct Run {
    int exit = -1;
    std::string out;
    std::string err;
};

std::string slurp(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string kSource = PATROL_SDK_HELPERS_DIR;
const std::string kPlugins = PATROL_SDK_HELPERS_PLUGIN_DIR;

// Runs a shell command line; stderr is captured through a file.
Run shell(const patrol::testing::TempFolder& folder, const std::string& command) {
    Run r;
    FILE* pipe = ::popen((command + " 2>" + folder.path().string() + "/stderr.txt").c_str(), "r");
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.out.append(buffer, n);
    const int status = ::pclose(pipe);
    r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(folder.path().string() + "/stderr.txt");
    return r;
}

Run runPatrol(const patrol::testing::TempFolder& folder, const std::string& args) {
    folder.write("patrol.ini", "[plugins]\nfolders = " + kPlugins + "\n");
    return shell(folder, std::string(PATROL_BINARY_DIR) + "/bin/patrol --config " + folder.path().string() + "/patrol.ini " + args);
}

}  // namespace

TEST_CASE("groups, date windows, months and the host's working days give the fixture's findings, in process and isolated") {
    patrol::testing::TempFolder folder;
    const std::string expected = slurp(kSource + "/fixtures/demo/expected.jsonl");
    for (const std::string mode : {"", " --isolate"}) {
        INFO("mode:" << mode);
        const Run r = runPatrol(folder, "check --plugin sdk_helpers_demo --data " + kSource + "/fixtures/demo --as-of 2026-06-30 --calendar " + kSource +
                                         "/calendar.json" + mode);
        CHECK(r.exit == 0);
        CHECK(r.out == expected);
        CHECK(r.err == "[sdk_helpers_demo] 采用 15 行，拒收 0 行，跳过规则 0 条，发现疑似问题 7 个\n"
                       "共发现疑似问题 7 个（试运行，未记录；加 --round 记录到轮次）\n");
    }
}

TEST_CASE("a plugin built against ABI 1.0 still loads and runs on this ABI 1.3 host, reading 64-bit text offsets") {
    patrol::testing::TempFolder folder;
    folder.write("data/items.csv", "item_id,unit_code,day\nA1,U1,2026-04-06\nA2,U1,2026-04-07\nA3,U2,2026-04-11\n");
    const std::string findings =
        "{\"plugin\":\"sdk_abi_old\",\"rule\":\"OLD-01\",\"unit\":\"U1\",\"refs\":[\"A1\"],\"amount\":null,\"title\":\"事项 A1 在非工作日\",\"detail\":\"\"}\n"
        "{\"plugin\":\"sdk_abi_old\",\"rule\":\"OLD-01\",\"unit\":\"U2\",\"refs\":[\"A3\"],\"amount\":null,\"title\":\"事项 A3 在非工作日\",\"detail\":\"\"}\n";
    for (const std::string mode : {"", " --isolate"}) {
        INFO("mode:" << mode);
        const Run r = runPatrol(folder, "check --plugin sdk_abi_old --data " + folder.path().string() + "/data --as-of 2026-06-30 --calendar " + kSource +
                                         "/calendar.json" + mode);
        CHECK(r.exit == 0);
        CHECK(r.out == findings);
    }
    const Run verify = runPatrol(folder, "plugin verify " + kPlugins + "/sdk_abi_old.so");
    CHECK(verify.exit == 0);
    CHECK(verify.out.find("插件 ABI 1.0（本程序 1.3）") != std::string::npos);
}

TEST_CASE("the fixture test names the first differing line and keeps the actual output") {
    patrol::testing::TempFolder folder;
    const std::string work = folder.path().string() + "/work";
    const Run r = shell(folder, std::string(PATROL_CMAKE_COMMAND) + " -DPATROL=" + PATROL_BINARY_DIR + "/bin/patrol -DPLUGIN=sdk_helpers_demo -DPLUGIN_DIR=" +
                                    kPlugins + " -DFIXTURE=" + kSource + "/fixtures/demo_wrong -DEXPECTED=" + kSource +
                                    "/fixtures/demo_wrong/expected.jsonl -DAS_OF=2026-06-30 -DCALENDAR=" + kSource + "/calendar.json -DWORK=" + work +
                                    " -P " + PATROL_SOURCE_DIR + "/sdk/cmake/PatrolFixtureTest.cmake");
    CHECK(r.exit != 0);
    const std::string expectedFile = kSource + "/fixtures/demo_wrong/expected.jsonl";
    CHECK(r.err.find("插件 sdk_helpers_demo 在 " + kSource + "/fixtures/demo_wrong 上的输出与 " + expectedFile + " 不同，第 1 行起：\n") != std::string::npos);
    CHECK(r.err.find("期望：{\"plugin\":\"sdk_helpers_demo\",\"rule\":\"SH-01\",\"unit\":\"U1\",\"refs\":[\"V01\",\"V02\",\"V04\"],\"amount\":600.51,") !=
          std::string::npos);
    CHECK(r.err.find("实际：{\"plugin\":\"sdk_helpers_demo\",\"rule\":\"SH-01\",\"unit\":\"U1\",\"refs\":[\"V01\",\"V02\",\"V04\"],\"amount\":600.50,") !=
          std::string::npos);
    CHECK(r.err.find("diff " + expectedFile + " " + work + "/actual.jsonl") != std::string::npos);
    CHECK(slurp(work + "/actual.jsonl") == slurp(kSource + "/fixtures/demo/expected.jsonl"));
}
