// Isolated runs in a threaded host: the child is a freshly started patrol-plugin-run (never a
// fork of the host, so no other thread's locks or descriptors come along), and one catalog
// serves several threads running the same plugin at once.
#include "core/data/dataset.hpp"
#include "core/plugins/plugin_run.hpp"
#include "core/plugins/plugin_settings.hpp"
#include "data/temp_folder.hpp"
#include "fixture_paths.hpp"

#include <patrol/sdk/civil.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>

using namespace patrol::plugins;
using patrol::testing::fixtureFolder;
using patrol::testing::fixtureLabel;

namespace {

namespace fs = std::filesystem;

RunRequest requestFor(const PluginEntry& plugin, const patrol::data::Dataset& dataset, bool isolate) {
    RunRequest request;
    request.dataset = &dataset;
    request.asOf = *patrol::civil::parseDate("2026-03-01");
    request.isWorkingDay = [](int32_t day) { return !patrol::civil::isWeekend(day); };
    request.settings = resolveSettings(*plugin.metadata, {});
    request.isolate = isolate;
    request.timeoutSeconds = 2;
    return request;
}

// The processes whose parent is this one.
std::vector<pid_t> children() {
    std::vector<pid_t> found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/proc", ec)) {
        const std::string name = e.path().filename().string();
        if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit)) continue;
        std::ifstream stat(e.path() / "stat");
        std::string line;
        if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) continue;
        std::istringstream rest(line.substr(line.rfind(')') + 1));
        char state;
        pid_t parent = 0;
        if (rest >> state >> parent && parent == ::getpid()) found.push_back(std::stoi(name));
    }
    return found;
}

std::vector<int> openDescriptors(pid_t pid) {
    std::vector<int> fds;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) fds.push_back(std::stoi(e.path().filename().string()));
    std::sort(fds.begin(), fds.end());
    return fds;
}

}  // namespace

TEST_CASE("an isolated run started from a second thread runs in a fresh patrol-plugin-run holding only its own descriptors") {
    PluginCatalog catalog = PluginCatalog::discover({fixtureFolder()});
    patrol::testing::TempFolder data;
    data.write("items.csv", "item_id,unit_code\nX1,U1\n");
    PluginEntry* plugin = catalog.find("fixture_hangs");
    REQUIRE(plugin);
    const patrol::data::Dataset dataset = patrol::data::readDataset(data.path(), plugin->metadata->tables);
    // What the host has open, close-on-exec or not, must not reach the child.
    // Numbered high, past the child's own 3 and 4.
    const int opened = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const int closeOnExec = ::fcntl(opened, F_DUPFD_CLOEXEC, 20);
    const int inheritable = ::fcntl(opened, F_DUPFD, 21);
    ::close(opened);
    REQUIRE(closeOnExec >= 20);
    REQUIRE(inheritable >= 21);

    const RunRequest request = requestFor(*plugin, dataset, true);
    std::atomic<bool> finished{false};
    RunResult result;
    std::thread runner([&] {
        result = runPlugin(*plugin, request);
        finished = true;
    });
    // Watch the child while the hanging plugin keeps it alive: what program it is, what it holds.
    std::string program;
    std::vector<int> descriptors;
    while (!finished && program != "patrol-plugin-run") {
        for (const pid_t child : children()) {
            std::error_code ec;
            const fs::path exe = fs::read_symlink("/proc/" + std::to_string(child) + "/exe", ec);
            if (ec) continue;
            program = exe.filename().string();
            if (program != "patrol-plugin-run") continue;
            // Let it reach the plugin (which then waits): loading opens files for a moment.
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            descriptors = openDescriptors(child);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    runner.join();
    ::close(closeOnExec);
    ::close(inheritable);

    CHECK(program == "patrol-plugin-run");  // a fork would still be this test program
    // Its input and its channel, and nothing the host had open.
    CHECK(std::count(descriptors.begin(), descriptors.end(), 3) == 1);
    CHECK(std::count(descriptors.begin(), descriptors.end(), 4) == 1);
    CHECK(std::count(descriptors.begin(), descriptors.end(), closeOnExec) == 0);
    CHECK(std::count(descriptors.begin(), descriptors.end(), inheritable) == 0);
    CHECK_FALSE(result.ok);
    CHECK(result.error == fixtureLabel("fixture_hangs") +
                              "运行超过 2 秒仍未结束，已被终止（设置 plugins.timeout_seconds = 2）。本次检查结果未记录。请检查插件是否陷入死循环，或调大 "
                              "plugins.timeout_seconds。");
}

TEST_CASE("one catalog serves several threads running the same plugin at once, in process and isolated, with the same findings") {
    PluginCatalog catalog = PluginCatalog::discover({fixtureFolder()});
    patrol::testing::TempFolder data;
    data.write("items.csv",
               "item_id,unit_code,day,amount,kind,count\n"
               "I3,U2,2026-01-03,250.50,a,\n"
               "I1,U1,2026-01-05,99.99,b,2\n"
               "I2,U1,2026-01-03,100.01,,\n"
               "I4,U3,2026-01-04,300.00,a,1\n");
    PluginEntry* plugin = catalog.find("fixture_good");
    REQUIRE(plugin);
    const patrol::data::Dataset dataset = patrol::data::readDataset(data.path(), plugin->metadata->tables);

    constexpr int kThreads = 8;
    std::vector<RunResult> results(kThreads);
    std::vector<std::vector<std::string>> logs(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i)
        threads.emplace_back([&, i] {
            RunRequest request = requestFor(*plugin, dataset, i % 2 == 1);
            request.log = [&logs, i](patrol_log_level, const std::string& text) { logs[i].push_back(text); };
            results[i] = runPlugin(*plugin, request);
        });
    for (auto& t : threads) t.join();

    auto describe = [](const RunResult& r) {
        std::vector<std::string> lines;
        for (const auto& f : r.findings.owned()) {
            std::string refs;
            for (const auto& ref : f.refs) refs += ref + ";";
            lines.push_back(f.plugin + "|" + f.rule + "|" + f.unit + "|" + refs + "|" + (f.amountFen ? std::to_string(*f.amountFen) : "-") + "|" + f.title + "|" +
                            f.detail + "|" + f.fingerprint);
        }
        return lines;
    };
    REQUIRE(results[0].ok);
    const std::vector<std::string> expected = describe(results[0]);
    CHECK(expected.size() == 5);  // FX-01 for I2, I3 and I4; FX-02 on 2026-01-03 and 2026-01-04
    for (int i = 0; i < kThreads; ++i) {
        INFO("thread " << i << (i % 2 ? " isolated" : " in process"));
        CHECK(results[i].ok);
        CHECK(results[i].error.empty());
        CHECK(describe(results[i]) == expected);
        CHECK(logs[i] == std::vector<std::string>{"threshold=100.00 words=甲|乙 ratio=0.5 night=22:00 limit=3"});
    }
    CHECK(plugin->state == PluginState::Loaded);
    CHECK(plugin->loaded);  // loaded once in this process by the in-process runs
}
