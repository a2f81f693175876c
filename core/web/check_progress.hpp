// Where each check on uploaded files has got to, for the page that sent it. The browser names
// its run with a random token (in the form's address) and asks for the phase while the upload
// request runs on another server thread; only the user who sent it may read it (anyone else
// reads nothing, as if there were no such run). Entries live as long as their request.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/services/actor.hpp"
#include "core/services/check_upload.hpp"

namespace patrol::web {

class CheckProgressBoard {
public:
    static CheckProgressBoard& shared();

    // A token the browser may use: 16 to 64 lowercase hex digits.
    static bool validToken(const std::string& token);
    // False when the token is taken or the board is full: the run goes on without progress.
    bool open(const std::string& token, const services::Actor& actor);
    void update(const std::string& token, const services::CheckProgress& progress);
    void close(const std::string& token);
    // The phase in words (e.g. "读取数据（文件 2/3）"), if the token is the actor's own run.
    std::optional<std::string> phaseFor(const std::string& token, const services::Actor& actor) const;

private:
    struct Run {
        std::string owner;
        std::string phase;
    };
    mutable std::mutex mutex_;
    std::map<std::string, Run> runs_;
};

// Opens the token's entry for the length of one request, closed however the request ends.
class ProgressScope {
public:
    ProgressScope(std::optional<std::string> token, const services::Actor& actor);
    ~ProgressScope();
    ProgressScope(const ProgressScope&) = delete;
    ProgressScope& operator=(const ProgressScope&) = delete;
    void update(const services::CheckProgress& progress) const;
    bool active() const { return active_; }

private:
    std::string token_;
    bool active_ = false;
};

// The words a page shows for a phase: 读取数据 / 运行检查 / 记录问题 / 已完成, with counts.
std::string phaseText(const services::CheckProgress& progress);
// Whether the count is one only shown while the check runs: the bytes read, a plugin's percent.
bool whileRunning(const services::CheckProgress& progress);

}  // namespace patrol::web
