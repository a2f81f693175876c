#include "core/services/not_found.hpp"

namespace patrol::services {

NotFound roundNotFound(const std::string& code) {
    return NotFound("round", "巡察轮次「" + code + "」不存在。请检查轮次编码。");
}

NotFound unitNotFound(const std::string& code) { return NotFound("unit", "单位「" + code + "」不存在。请检查单位编码。"); }

NotFound userNotFound(const std::string& name) { return NotFound("user", "用户「" + name + "」不存在。请检查姓名。"); }

NotFound findingNotFound(const std::string& typed) {
    return NotFound("finding", "问题 #" + typed + " 不存在，或您无权查看。请检查问题编号。");
}
NotFound findingNotFound(int64_t id) { return findingNotFound(std::to_string(id)); }

NotFound taskNotFound(const std::string& typed) { return NotFound("task", "整改任务 #" + typed + " 不存在。"); }
NotFound taskNotFound(int64_t id) { return taskNotFound(std::to_string(id)); }

NotFound evidenceNotFound(const std::string& typed) { return NotFound("evidence", "佐证材料 #" + typed + " 不存在。"); }
NotFound evidenceNotFound(int64_t id) { return evidenceNotFound(std::to_string(id)); }

NotFound attachmentNotFound(const std::string& typed) {
    return NotFound("attachment", "取证材料 #" + typed + " 不存在。");
}
NotFound attachmentNotFound(int64_t id) { return attachmentNotFound(std::to_string(id)); }

NotFound clueNotFound(const std::string& typed) { return NotFound("clue", "问题线索 #" + typed + " 不存在。"); }
NotFound clueNotFound(int64_t id) { return clueNotFound(std::to_string(id)); }

}  // namespace patrol::services
