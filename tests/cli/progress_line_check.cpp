// The progress line's text and its redrawing, with a clock the test moves by hand.
#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>

#include "core/cli/progress_line.hpp"

using namespace patrol;
using services::WorkItems;
using services::WorkPhase;
using services::WorkProgress;
using std::chrono::milliseconds;

TEST_CASE("the line names the phase and the count, then the rate and the time left") {
    CHECK(cli::progressText({WorkPhase::Reading, 0, 0, WorkItems::Rows}, 0) == "读取数据 0 行");
    CHECK(cli::progressText({WorkPhase::Checking, 0, 2, WorkItems::Plugins}, 1.5) == "运行检查 0/2 个插件");
    CHECK(cli::progressText({WorkPhase::Reading, 1000, 0, WorkItems::Rows}, 2.0) == "读取数据 1000 行，每秒 500");
    // 297,183 left at 21,845.3 a second: 13.6 s, shown as the whole seconds still to wait.
    CHECK(cli::progressText({WorkPhase::Recording, 65536, 362719, WorkItems::Findings}, 3.0) ==
          "记录问题 65536/362719 个问题，每秒 21845，约剩 0:14");
    CHECK(cli::progressText({WorkPhase::Copying, 1, 7202, WorkItems::Pages}, 1.0) == "复制数据库 1/7202 页，每秒 1，约剩 2:00:01");
    CHECK(cli::progressText({WorkPhase::Escalating, 50, 50, WorkItems::Tasks}, 0.25) == "评估预警 50/50 个任务，每秒 200");
    CHECK(cli::progressText({WorkPhase::Importing, 256, 300, WorkItems::Units}, 0.5) == "导入单位 256/300 个单位，每秒 512，约剩 0:01");
}

TEST_CASE("the bytes of the data read are counted in KB below 1 MB and in tenths of a MB from there") {
    constexpr uint64_t MiB = uint64_t{1} << 20;
    CHECK(cli::progressText({WorkPhase::Reading, 0, 43 * MiB, WorkItems::Bytes}, 0) == "读取数据 0.0/43.0 MB");
    // 12 MB in 0.06 s: 200 MB a second, and the 31 MB left take 0.16 s, shown as a second.
    CHECK(cli::progressText({WorkPhase::Reading, 12 * MiB, 43 * MiB, WorkItems::Bytes}, 0.06) == "读取数据 12.0/43.0 MB，每秒 200.0 MB，约剩 0:01");
    // Rounded up: a byte past 12 MB is 12.1 MB; 300 bytes are 1 KB; a rate under 1 MB in KB.
    CHECK(cli::progressText({WorkPhase::Reading, 12 * MiB + 1, 43 * MiB, WorkItems::Bytes}, 0) == "读取数据 12.1/43.0 MB");
    CHECK(cli::progressText({WorkPhase::Reading, 300, 2500, WorkItems::Bytes}, 0) == "读取数据 1/3 KB");
    CHECK(cli::progressText({WorkPhase::Reading, 2048, 0, WorkItems::Bytes}, 4.0) == "读取数据 2 KB，每秒 1 KB");
}

TEST_CASE("a plugin's share of its work is a percent with the time it leaves, and no rate") {
    CHECK(cli::progressText({WorkPhase::Checking, 0, 100, WorkItems::Percent}, 0) == "运行检查 0%");
    // A check of several plugins names the one the count is about.
    CHECK(cli::progressText({WorkPhase::Checking, 60, 100, WorkItems::Percent, "four_styles"}, 3.0) == "运行检查 four_styles 60%，约剩 0:02");
    CHECK(cli::progressText({WorkPhase::Reading, 300, 2500, WorkItems::Bytes, "business_environment"}, 0) == "读取数据 business_environment 1/3 KB");
    CHECK(cli::progressText({WorkPhase::Checking, 40, 100, WorkItems::Percent}, 2.0) == "运行检查 40%，约剩 0:03");
    CHECK(cli::progressText({WorkPhase::Checking, 100, 100, WorkItems::Percent}, 5.0) == "运行检查 100%");
}

TEST_CASE("a new kind of count within a phase is drawn at once and its rate starts again") {
    std::ostringstream err;
    auto now = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
    cli::ProgressLine line(err, true, [&now] { return now; });
    line.update({WorkPhase::Checking, 0, 100, WorkItems::Percent});
    now += milliseconds(2000);
    line.update({WorkPhase::Checking, 50, 100, WorkItems::Percent});
    CHECK(err.str() == "\r运行检查 0%\x1b[K\r运行检查 50%，约剩 0:02\x1b[K");
    err.str("");
    now += milliseconds(10);
    // The plugins done of all, 10 ms later: not held back, and timed from now, not from the percent.
    line.update({WorkPhase::Checking, 0, 2, WorkItems::Plugins});
    CHECK(err.str() == "\r运行检查 0/2 个插件\x1b[K");
    err.str("");
    now += milliseconds(500);
    line.update({WorkPhase::Checking, 1, 2, WorkItems::Plugins});
    CHECK(err.str() == "\r运行检查 1/2 个插件，每秒 2，约剩 0:01\x1b[K");
}

TEST_CASE("the line is redrawn at most every 100 ms within a phase, at once for a new phase, and erased") {
    std::ostringstream err;
    auto now = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
    cli::ProgressLine line(err, true, [&now] { return now; });
    REQUIRE(line.sink() != nullptr);

    (*line.sink())({WorkPhase::Recording, 0, 100, WorkItems::Findings});
    CHECK(err.str() == "\r记录问题 0/100 个问题\x1b[K");
    err.str("");
    now += milliseconds(50);
    line.update({WorkPhase::Recording, 10, 100, WorkItems::Findings});
    CHECK(err.str() == "");  // too soon
    now += milliseconds(950);
    line.update({WorkPhase::Recording, 50, 100, WorkItems::Findings});
    CHECK(err.str() == "\r记录问题 50/100 个问题，每秒 50，约剩 0:01\x1b[K");
    err.str("");
    now += milliseconds(1);
    line.update({WorkPhase::Recording, 100, 100, WorkItems::Findings});
    CHECK(err.str() == "\r记录问题 100/100 个问题，每秒 100\x1b[K");  // the phase's end, however soon
    err.str("");
    now += milliseconds(10);
    line.update({WorkPhase::Printing, 0, 100, WorkItems::Findings});
    CHECK(err.str() == "\r输出结果 0/100 个问题\x1b[K");
    err.str("");
    line.clear();
    CHECK(err.str() == "\r\x1b[K");
    err.str("");
    line.clear();  // nothing is shown any more
    CHECK(err.str() == "");
}

TEST_CASE("a line that is not shown writes nothing and gives services no sink") {
    std::ostringstream err;
    {
        cli::ProgressLine line(err, false);
        CHECK(line.sink() == nullptr);
        line.update({WorkPhase::Recording, 1, 2, WorkItems::Findings});
        line.clear();
    }
    CHECK(err.str() == "");
}

TEST_CASE("a line still drawn is erased when it goes, so an error message starts on a clean line") {
    std::ostringstream err;
    {
        cli::ProgressLine line(err, true);
        line.update({WorkPhase::Copying, 1, 2, WorkItems::Pages});
    }
    CHECK(err.str() == "\r复制数据库 1/2 页\x1b[K\r\x1b[K");
}
