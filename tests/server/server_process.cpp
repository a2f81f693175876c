#include "server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace patrol::testing {

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string freshLogFile() {
    static int n = 0;
    return "/tmp/patrol-serve-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".log";
}

// The test's environment minus what would pick another database, user or day, plus `extra`.
std::vector<std::string> environmentWith(const std::map<std::string, std::string>& extra) {
    std::vector<std::string> out;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        if (name.rfind("PATROL_", 0) == 0 || extra.count(name)) continue;
        out.push_back(entry);
    }
    for (const auto& [k, v] : extra) out.push_back(k + "=" + v);
    return out;
}

pid_t spawnServer(const std::string& db, const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                  const std::string& logFile) {
    const std::string exe = PATROL_BINARY_DIR "/bin/patrol";
    std::vector<std::string> words{exe, "serve", "--db", db};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    auto envText = environmentWith(env);
    std::vector<char*> envp;
    for (auto& e : envText) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + exe);
    return pid;
}

int exitCodeOf(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

}  // namespace

ServerProcess::ServerProcess(const std::string& db, const std::vector<std::string>& args,
                             const std::map<std::string, std::string>& env)
    : logFile_(freshLogFile()) {
    std::vector<std::string> all{"--port", "0"};
    all.insert(all.end(), args.begin(), args.end());
    pid_ = spawnServer(db, all, env, logFile_);
    const std::regex started(R"((https?://[0-9.]+:([0-9]+)/))");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        std::smatch m;
        const std::string text = log();
        if (std::regex_search(text, m, started)) {
            url_ = m[1];
            port_ = std::stoi(m[2]);
            return;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("patrol serve exited with " + std::to_string(exitCodeOf(status)) + ": " + log());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill();
    throw std::runtime_error("patrol serve printed no start line: " + log());
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) kill();
    ::unlink(logFile_.c_str());
}

int ServerProcess::wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return exitCodeOf(status);
}

int ServerProcess::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    return wait();
}

void ServerProcess::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    wait();
}

std::string ServerProcess::log() const { return readFile(logFile_); }

RefusedStart startExpectingRefusal(const std::string& db, const std::vector<std::string>& args,
                                   const std::map<std::string, std::string>& env, int seconds) {
    const std::string logFile = freshLogFile();
    const pid_t pid = spawnServer(db, args, env, logFile);
    RefusedStart result;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) != pid) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    result.exitCode = exitCodeOf(status);
    result.err = readFile(logFile);
    ::unlink(logFile.c_str());
    return result;
}

}  // namespace patrol::testing
