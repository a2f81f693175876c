// What a plugin author and a user meet around the plugins, through the built `patrol`: where
// the configured plugin folders are, a data folder one level too high, a plugin that crashes in
// process, a table name the metadata does not declare, metadata with a misspelt key, and the
// SDK's refusal of an incompatible host.
#include "data/temp_folder.hpp"
#include "fixture_paths.hpp"

#include <patrol/plugin_abi.h>

#include <catch2/catch.hpp>

#include <dlfcn.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

using patrol::testing::fixtureFolder;
using patrol::testing::fixtureLabel;
using patrol::testing::fixtureLibrary;

namespace {

struct Result {
    int exit = -1;    // when it exited
    int signal = 0;   // when a signal ended it
    std::string out;
    std::string err;
};

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string kPatrol = std::string(PATROL_BINARY_DIR) + "/bin/patrol";
const std::string kBuiltPlugins = std::string(PATROL_BINARY_DIR) + "/lib/patrol/plugins";

// `patrol <args>` started in `cwd`, with a database of the folder's own.
Result runPatrol(const patrol::testing::TempFolder& folder, const std::string& args, const std::filesystem::path& cwd) {
    const std::string dir = folder.path().string();
    const std::string command = "cd '" + cwd.string() + "' && PATROL_DB=" + dir + "/p.db exec " + kPatrol + " " + args + " 2>" + dir + "/stderr.txt";
    Result r;
    FILE* pipe = ::popen(command.c_str(), "r");
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.out.append(buffer, n);
    const int status = ::pclose(pipe);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    if (WIFEXITED(status)) r.exit = WEXITSTATUS(status);
    if (r.exit > 128) r.signal = r.exit - 128;  // a shell that waited for it instead of exec'ing
    r.err = slurp(folder.path() / "stderr.txt");
    return r;
}

// A folder whose patrol.ini adds the fixture plugins.
struct FixtureCli {
    patrol::testing::TempFolder folder;
    FixtureCli() { folder.write("patrol.ini", "[plugins]\nfolders = " + fixtureFolder() + "\n"); }
    std::string dir() const { return folder.path().string(); }
    Result run(const std::string& args) const { return runPatrol(folder, "--config " + dir() + "/patrol.ini " + args, folder.path()); }
};

}  // namespace

TEST_CASE("a relative plugin folder is found from the configuration file's folder, not the working directory") {
    patrol::testing::TempFolder folder;
    const auto root = folder.path();
    std::filesystem::create_directories(root / "conf/mine");
    for (const char* file : {"fixture_good.so", "fixture_good.json"})
        std::filesystem::copy_file(fixtureFolder() + "/" + file, root / "conf/mine" / file);
    folder.write("conf/patrol.ini", "[plugins]\nfolders = mine\n");
    std::filesystem::create_directories(root / "elsewhere");

    // Started in another folder, with the configuration named relative to that folder.
    const Result r = runPatrol(folder, "--config ../conf/patrol.ini plugin list --format csv", root / "elsewhere");
    INFO(r.out);
    CHECK(r.exit == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("fixture_good,测试用插件（正常）,1.2.3,1.3,loaded,," + (root / "conf/mine/fixture_good.so").string() + "\r\n") != std::string::npos);

    // An unknown plugin names the folders that were searched.
    const Result unknown = runPatrol(folder, "--config ../conf/patrol.ini check --plugin nosuch --data " + root.string(), root / "elsewhere");
    CHECK(unknown.exit == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err == "错误: 未知的插件 nosuch。已安装的插件：business_environment、fixture_good、four_styles、poverty_alleviation。搜索的目录：" +
                             (root / "conf/mine").string() + "；" + kBuiltPlugins + "。请用 patrol plugin list 查看。\n");
    const Result show = runPatrol(folder, "--config ../conf/patrol.ini plugin show nosuch", root / "elsewhere");
    CHECK(show.exit == 2);
    CHECK(show.err == "错误: 未知的插件 nosuch。已安装的插件：business_environment、fixture_good、four_styles、poverty_alleviation。搜索的目录：" +
                          (root / "conf/mine").string() + "；" + kBuiltPlugins + "。请用 patrol plugin list 查看。\n");
}

TEST_CASE("a configured plugin folder that does not exist is a warning naming it") {
    patrol::testing::TempFolder folder;
    const std::string ini = folder.write("patrol.ini", "[plugins]\nfolders = gone ; /nonexistent/plugins\n").string();
    const std::string warnings =
        "警告：配置项 plugins.folders（配置文件 " + ini + "）中的插件目录 gone 不存在（相对于配置文件所在的目录，即 " + (folder.path() / "gone").string() +
        "），已跳过。请改正该路径或删去这一项。\n"
        "警告：配置项 plugins.folders（配置文件 " + ini + "）中的插件目录 /nonexistent/plugins 不存在，已跳过。请改正该路径或删去这一项。\n";
    const Result list = runPatrol(folder, "--config " + ini + " plugin list --format csv", "/");
    CHECK(list.exit == 0);
    CHECK(list.err == warnings);
    CHECK(list.out.find("four_styles,") != std::string::npos);  // the built-in folder is still searched

    folder.write("data/expenses.csv", "expense_id\n");
    const Result check = runPatrol(folder, "--config " + ini + " check --plugin nosuch --data " + folder.path().string() + "/data", "/");
    CHECK(check.exit == 2);
    CHECK(check.err == warnings + "错误: 未知的插件 nosuch。已安装的插件：business_environment、four_styles、poverty_alleviation。搜索的目录：" +
                           (folder.path() / "gone").string() + "；/nonexistent/plugins；" + kBuiltPlugins + "。请用 patrol plugin list 查看。\n");
}

TEST_CASE("a data folder holding plugin sub-folders instead of the plugin's files is refused, naming the folder meant") {
    FixtureCli cli;
    cli.folder.write("data/fixture_good/items.csv", "item_id,unit_code,day,amount\nI1,U1,2026-01-05,99.99\n");
    Result r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/data --as-of 2026-03-01");
    CHECK(r.exit == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "错误: 数据目录 " + cli.dir() + "/data 中没有插件 fixture_good 的任何数据文件（items.csv、extras.csv），却有以插件命名的子目录 fixture_good。是否应为 " +
                       cli.dir() + "/data/fixture_good？\n");

    // Only other plugins' folders: the way to check them all.
    cli.folder.write("others/four_styles/expenses.csv", "expense_id\n");
    cli.folder.write("others/fixture_throws/items.csv", "item_id,unit_code\n");
    r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/others --as-of 2026-03-01");
    CHECK(r.exit == 2);
    CHECK(r.err == "错误: 数据目录 " + cli.dir() + "/others 中没有插件 fixture_good 的任何数据文件（items.csv、extras.csv），却有以插件命名的子目录 fixture_throws、four_styles。检查全部插件请用 --plugin all --data " +
                       cli.dir() + "/others。\n");

    // A folder with none of the files and no plugin folders still only skips the rules.
    cli.folder.write("empty/notes/readme.txt", "x");
    r = cli.run("check --plugin fixture_good --data " + cli.dir() + "/empty --as-of 2026-03-01");
    CHECK(r.exit == 0);
    CHECK(r.out.empty());
}

TEST_CASE("a plugin that crashes in process prints one line naming it and suggesting --isolate, then patrol dies of the signal") {
    FixtureCli cli;
    for (const char* id : {"fixture_crashes", "fixture_aborts"}) cli.folder.write(std::string("data/") + id + "/items.csv", "item_id,unit_code\nX1,U1\n");
    const std::string advice =
        "，patrol 随之终止，本次检查结果未输出也未记录。请加 --isolate 重新运行（或配置 plugins.isolate = true）：隔离运行时插件崩溃只算该插件失败，其他插件照常运行。\n";

    Result r = cli.run("check --plugin fixture_crashes --data " + cli.dir() + "/data/fixture_crashes --as-of 2026-03-01");
    CHECK(r.signal == SIGSEGV);
    CHECK(r.out.empty());
    CHECK(r.err == fixtureLabel("fixture_crashes") + "在本进程中运行时崩溃（信号 11（SIGSEGV））" + advice);

    r = cli.run("check --plugin fixture_aborts --data " + cli.dir() + "/data/fixture_aborts --as-of 2026-03-01");
    CHECK(r.signal == SIGABRT);
    CHECK(r.out.empty());
    CHECK(r.err == fixtureLabel("fixture_aborts") + "在本进程中运行时崩溃（信号 6（SIGABRT））" + advice);

    // Exit code 1 is described as what a failed plugin gives.
    r = cli.run("--help");
    CHECK(r.exit == 0);
    CHECK(r.out.find("退出码: 0 完成，2 输入有误或操作被拒绝，1 有检查插件运行失败（出错、隔离运行时崩溃或超时）或内部错误。\n") != std::string::npos);
}

TEST_CASE("a table name the metadata does not declare fails the run naming it, in process and isolated") {
    FixtureCli cli;
    cli.folder.write("data/items.csv", "item_id,unit_code\nX1,U1\n");
    const std::string expected = fixtureLabel("fixture_undeclared_table") +
                                 "运行出错：请求了元数据中没有声明的表 \"itemz\"（已声明的表：items）。请改正代码中的表名，或在元数据的 tables 中声明该表。本次检查结果未记录。\n"
                                 "[fixture_undeclared_table] 采用 1 行，拒收 0 行，跳过规则 0 条，插件运行失败，结果未采用\n"
                                 "共发现疑似问题 0 个（试运行，未记录；加 --round 记录到轮次）\n";
    for (const std::string mode : {"", " --isolate"}) {
        const Result r = cli.run("check --plugin fixture_undeclared_table --data " + cli.dir() + "/data --as-of 2026-03-01" + mode);
        CHECK(r.exit == 1);
        CHECK(r.out.empty());
        CHECK(r.err == expected);
    }
}

TEST_CASE("metadata with a misspelt key is unusable, and plugin verify says which key was meant") {
    patrol::testing::TempFolder folder;
    std::filesystem::copy_file(fixtureLibrary("fixture_good"), folder.path() / "fixture_good.so");
    std::string json = slurp(fixtureFolder() + "/fixture_good.json");
    json.replace(json.find("\"description\""), 13, "\"descripton\"");
    folder.write("fixture_good.json", json);
    const Result r = runPatrol(folder, "plugin verify " + (folder.path() / "fixture_good.so").string(), folder.path());
    CHECK(r.exit == 2);
    CHECK(r.err == "不可用：插件 fixture_good（" + (folder.path() / "fixture_good.so").string() +
                       "）无法加载：元数据 fixture_good.json 无效：顶层对象中有不认识的键 \"descripton\"，是否应为 \"description\"？此处可用的键：id、name、version、abi、"
                       "description、tables、rules、settings、checklist、categories。请按 SDK 说明（sdk/README.md）中的元数据格式改正后重新安装。\n");
}

TEST_CASE("a plugin built with the SDK refuses an incompatible host naming both ABI versions") {
    void* library = ::dlopen(fixtureLibrary("fixture_good").c_str(), RTLD_NOW | RTLD_LOCAL);
    REQUIRE(library);
    const auto entry = reinterpret_cast<patrol_plugin_entry_fn>(::dlsym(library, PATROL_PLUGIN_ENTRY_SYMBOL));
    REQUIRE(entry);
    const patrol_plugin* plugin = entry();
    const std::string built = std::to_string(PATROL_ABI_MAJOR) + "." + std::to_string(PATROL_ABI_MINOR);

    patrol_host_api host{};
    host.struct_size = sizeof host;
    host.abi_major = PATROL_ABI_MAJOR + 1;
    host.abi_minor = 0;
    CHECK(plugin->run(&host) == PATROL_ERROR);
    CHECK(std::string(plugin->last_error()) == "宿主 ABI 不兼容：宿主提供插件 ABI " + std::to_string(PATROL_ABI_MAJOR + 1) + ".0，本插件按插件 ABI " + built +
                                                   " 构建（主版本须相同，宿主的次版本不低于插件的）。请用与宿主相同 ABI 的 SDK 重新构建插件，或换用匹配的 patrol 版本");
    CHECK(plugin->run(nullptr) == PATROL_ERROR);
    CHECK(std::string(plugin->last_error()) == "宿主没有提供接口（host 为空），本插件按插件 ABI " + built + " 构建");
    ::dlclose(library);
}
