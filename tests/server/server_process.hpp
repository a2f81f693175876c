// `patrol serve` started by a test on a free port of 127.0.0.1 and stopped by it: the built
// executable, as an operator would run it.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace patrol::testing {

class ServerProcess {
public:
    // Starts `patrol serve --port 0 --db <db> <args>` with `env` added to the environment and
    // waits for its start line; throws with the server's stderr when it does not come.
    explicit ServerProcess(const std::string& db, const std::vector<std::string>& args = {},
                           const std::map<std::string, std::string>& env = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    const std::string& url() const { return url_; }
    // SIGTERM, then waits; the exit code (128 + signal when killed by one).
    int stop();
    // SIGKILL, then waits.
    void kill();
    bool running() const { return pid_ > 0; }
    pid_t pid() const { return pid_; }
    // Everything the server wrote to stderr so far (start line, access log).
    std::string log() const;

private:
    int wait();
    pid_t pid_ = -1;
    int port_ = 0;
    std::string url_;
    std::string logFile_;
};

// Runs the server with these arguments until it exits by itself (a refused start): its exit
// code and stderr. Kills it after `seconds` if it keeps running.
struct RefusedStart {
    int exitCode = -1;
    std::string err;
};
RefusedStart startExpectingRefusal(const std::string& db, const std::vector<std::string>& args,
                                   const std::map<std::string, std::string>& env = {}, int seconds = 5);

}  // namespace patrol::testing
