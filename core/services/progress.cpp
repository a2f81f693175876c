#include "core/services/progress.hpp"

#include <algorithm>

namespace patrol::services {

namespace {

constexpr uint64_t kMiB = uint64_t{1} << 20;

// `bytes` rounded up to whole KB, or to tenths of a MB; the unit is not written.
std::string inUnit(uint64_t bytes, bool megabytes) {
    if (!megabytes) return std::to_string((bytes + 1023) / 1024);
    const uint64_t tenths = (bytes * 10 + kMiB - 1) / kMiB;
    return std::to_string(tenths / 10).append(".").append(std::to_string(tenths % 10));
}

}  // namespace

std::string_view phaseName(WorkPhase phase) {
    switch (phase) {
        case WorkPhase::Reading: return "读取数据";
        case WorkPhase::Checking: return "运行检查";
        case WorkPhase::Recording: return "记录问题";
        case WorkPhase::Finished: return "已完成";
        case WorkPhase::Printing: return "输出结果";
        case WorkPhase::Importing: return "导入单位";
        case WorkPhase::Escalating: return "评估预警";
        case WorkPhase::Copying: return "复制数据库";
        case WorkPhase::Verifying: return "核验";
        case WorkPhase::Writing: return "生成报告";
        case WorkPhase::CheckingDatabase: return "检查数据库";
        case WorkPhase::Restoring: return "恢复数据";
    }
    return "";
}

std::string_view itemsName(WorkItems items) {
    switch (items) {
        case WorkItems::Files: return "个文件";
        case WorkItems::Plugins: return "个插件";
        case WorkItems::Rows: return "行";
        case WorkItems::Findings: return "个问题";
        case WorkItems::Tasks: return "个任务";
        case WorkItems::Pages: return "页";
        case WorkItems::Units: return "个单位";
        case WorkItems::RecordKinds: return "类记录";
        case WorkItems::Checks: return "项";
        case WorkItems::Bytes:
        case WorkItems::Percent: break;
    }
    return "";
}

std::string countText(const WorkProgress& p) {
    switch (p.items) {
        case WorkItems::Percent: return std::to_string(p.done) + "%";
        case WorkItems::Bytes: {
            const bool megabytes = std::max(p.done, p.total) >= kMiB;
            std::string text = inUnit(p.done, megabytes);
            if (p.total > 0) text.append("/").append(inUnit(p.total, megabytes));
            return text.append(megabytes ? " MB" : " KB");
        }
        default: break;
    }
    std::string text = std::to_string(p.done);
    if (p.total > 0) text.append("/").append(std::to_string(p.total));
    return text.append(" ").append(itemsName(p.items));
}

std::string bytesText(uint64_t bytes) {
    const bool megabytes = bytes >= kMiB;
    return inUnit(bytes, megabytes).append(megabytes ? " MB" : " KB");
}

}  // namespace patrol::services
