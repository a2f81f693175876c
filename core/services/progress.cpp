#include "core/services/progress.hpp"

namespace patrol::services {

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
    }
    return "";
}

}  // namespace patrol::services
