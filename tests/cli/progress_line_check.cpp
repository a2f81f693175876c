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
