#include "core/web/check_progress.hpp"

#include <algorithm>

namespace patrol::web {

namespace {

constexpr size_t kMaxRuns = 1000;  // more runs at once than any county has inspectors

std::string ownerOf(const services::Actor& actor) {
    return actor.userId ? "user:" + std::to_string(*actor.userId) : "local:" + actor.name;
}

}  // namespace

CheckProgressBoard& CheckProgressBoard::shared() {
    static CheckProgressBoard board;
    return board;
}

bool CheckProgressBoard::validToken(const std::string& token) {
    return token.size() >= 16 && token.size() <= 64 &&
           std::all_of(token.begin(), token.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool CheckProgressBoard::open(const std::string& token, const services::Actor& actor) {
    const std::lock_guard lock(mutex_);
    if (runs_.size() >= kMaxRuns || runs_.count(token)) return false;
    runs_[token] = {ownerOf(actor), "接收文件"};
    return true;
}

void CheckProgressBoard::update(const std::string& token, const services::CheckProgress& progress) {
    const std::string text = phaseText(progress);
    const std::lock_guard lock(mutex_);
    if (auto it = runs_.find(token); it != runs_.end()) it->second.phase = text;
}

void CheckProgressBoard::close(const std::string& token) {
    const std::lock_guard lock(mutex_);
    runs_.erase(token);
}

std::optional<std::string> CheckProgressBoard::phaseFor(const std::string& token, const services::Actor& actor) const {
    const std::lock_guard lock(mutex_);
    const auto it = runs_.find(token);
    if (it == runs_.end() || it->second.owner != ownerOf(actor)) return std::nullopt;
    return it->second.phase;
}

ProgressScope::ProgressScope(std::optional<std::string> token, const services::Actor& actor) {
    if (!token || !CheckProgressBoard::validToken(*token)) return;
    token_ = *token;
    active_ = CheckProgressBoard::shared().open(token_, actor);
}

ProgressScope::~ProgressScope() {
    if (active_) CheckProgressBoard::shared().close(token_);
}

void ProgressScope::update(const services::CheckProgress& progress) const {
    if (active_) CheckProgressBoard::shared().update(token_, progress);
}

bool whileRunning(const services::CheckProgress& p) { return p.items == services::WorkItems::Bytes || p.items == services::WorkItems::Percent; }

std::string phaseText(const services::CheckProgress& p) {
    const auto counted = [&](const std::string& what) {
        return p.total > 0 ? "（" + what + " " + std::to_string(p.done) + "/" + std::to_string(p.total) + "）" : std::string();
    };
    // While the server reads the files' bytes and runs a plugin, the count is the terminal's,
    // after the plugin's id when the check runs several.
    if (whileRunning(p)) {
        std::string text = std::string(services::phaseName(p.phase)) + "（";
        if (!p.subject.empty()) text.append(p.subject).append(" ");
        return text.append(services::countText(p)).append("）");
    }
    switch (p.phase) {
        case services::CheckPhase::Reading: return "读取数据" + counted("文件");
        case services::CheckPhase::Checking: return "运行检查" + (p.total > 0 ? "（" + std::to_string(p.total) + " 个插件）" : std::string());
        case services::CheckPhase::Recording: return "记录问题" + (p.total > 0 ? "（共 " + std::to_string(p.total) + " 个疑似问题）" : std::string());
        case services::CheckPhase::Finished: return "已完成";
        default: break;  // phases of other work: named as the terminal names them
    }
    return std::string(services::phaseName(p.phase));
}

}  // namespace patrol::web
