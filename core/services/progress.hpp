// Where a long piece of work has got to (a check, a recording, an import, an escalation, a
// backup, a report), told to whoever shows it: the CLI's progress line on a terminal, the web
// check page. Services count what they have really done (rows, plugins, findings, tasks, pages)
// and call the sink per batch from their own thread, never per row; they know nothing about
// terminals or pages.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace patrol::services {

// Reading, Checking, Recording and Finished are the phases of a check (the web page shows them
// too); the others belong to the other long commands.
enum class WorkPhase { Reading, Checking, Recording, Finished, Printing, Importing, Escalating, Copying, Verifying, Writing,
                       CheckingDatabase, Restoring };

// What `done` and `total` count. Bytes: of the data files read (shown in KB or MB); Percent: of a
// plugin's own work, as it reports it (total 100).
enum class WorkItems { Files, Plugins, Rows, Findings, Tasks, Pages, Units, RecordKinds, Checks, Bytes, Percent };

struct WorkProgress {
    WorkPhase phase = WorkPhase::Reading;
    uint64_t done = 0;
    uint64_t total = 0;  // 0: not known
    WorkItems items = WorkItems::Files;
    // Which of several the count is about, when the work goes through several (a check of all
    // plugins: the plugin's id); empty otherwise. Valid during the call.
    std::string_view subject{};
};

// Optional everywhere: an empty sink costs one test per batch.
using ProgressSink = std::function<void(const WorkProgress&)>;

inline void tell(const ProgressSink* sink, WorkPhase phase, uint64_t done, uint64_t total, WorkItems items, std::string_view subject = {}) {
    if (sink && *sink) (*sink)(WorkProgress{phase, done, total, items, subject});
}

// The phase in Chinese: 读取数据, 运行检查, 记录问题, 已完成, 输出结果, 导入单位, 评估预警, 复制数据库,
// 核验, 生成报告, 检查数据库, 恢复数据.
std::string_view phaseName(WorkPhase phase);
// The counted things in Chinese, as written after a count: 个文件, 个插件, 行, 个问题, 个任务, 页, 个单位,
// 类记录 (rounds, tasks, findings, clues read), 项 (checks); bytes and percent are written with
// their count (progressText, phaseText), and have no word here.
std::string_view itemsName(WorkItems items);
// The count as the terminal and the web page write it: "65536/362719 个问题", "12.3/43.0 MB"
// (KB below 1 MB, both in the unit of the larger), "60%".
std::string countText(const WorkProgress& p);
// A number of bytes, rounded up: whole KB below 1 MB, else MB to a tenth ("12.3 MB").
std::string bytesText(uint64_t bytes);

// How many items a service does between two calls of the sink: a power of two, so the test is a mask.
inline constexpr uint64_t kProgressBatch = uint64_t{1} << 16;

}  // namespace patrol::services
