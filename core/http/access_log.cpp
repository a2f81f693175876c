#include "core/http/access_log.hpp"

#include <cstdio>
#include <mutex>

#include "core/store/clock.hpp"

namespace patrol::http {

namespace {
std::mutex logMutex;

// Paths may carry anything a client typed: keep the log one line per request.
std::string printable(const std::string& text) {
    std::string out;
    for (const unsigned char c : text) out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
    return out;
}
}  // namespace

void logAccess(const std::string& user, const std::string& method, const std::string& path, int status, double ms) {
    const std::string line = store::actualUtcTimestampNow() + " " + printable(user) + " " + printable(method) + " " +
                             printable(path) + " " + std::to_string(status) + " " + std::to_string(static_cast<long>(ms + 0.5)) + "ms\n";
    std::lock_guard lock(logMutex);
    std::fputs(line.c_str(), stderr);
}

void logFailure(const std::string& method, const std::string& path, const std::string& what) {
    const std::string line = store::actualUtcTimestampNow() + " 内部错误 " + printable(method) + " " + printable(path) + ": " + printable(what) + "\n";
    std::lock_guard lock(logMutex);
    std::fputs(line.c_str(), stderr);
}

void logBusy(const std::string& method, const std::string& path, const std::string& what) {
    const std::string line = store::actualUtcTimestampNow() + " 数据库忙 " + printable(method) + " " + printable(path) + ": " + printable(what) + "\n";
    std::lock_guard lock(logMutex);
    std::fputs(line.c_str(), stderr);
}

}  // namespace patrol::http
