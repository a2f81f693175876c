// Runs build/bin/patrol with arguments and captures stdout, stderr and the exit code.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "store/scratch_dir.hpp"

extern char** environ;

namespace patrol::testing {

struct Run {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Starts build/bin/patrol with `args`, its output and errors written to files (and its input read
// from one when `inFile` is given), without waiting for it; returns its pid.
inline pid_t spawnPatrol(const std::vector<std::string>& args, const std::string& outFile, const std::string& errFile,
                         const std::string& inFile = "") {
    const std::string exe = PATROL_BINARY_DIR "/bin/patrol";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!inFile.empty()) posix_spawn_file_actions_addopen(&actions, 0, inFile.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv{const_cast<char*>(exe.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + exe);
    return pid;
}

class Patrol {
public:
    explicit Patrol(const ScratchDir& dir) : dir_(dir), db_(dir.file("patrol.db")) {
        // The caller's environment must not pick another database, config or user.
        for (const char* name : {"PATROL_USER", "PATROL_DB", "PATROL_CONFIG", "PATROL_DATA", "PATROL_TODAY"}) unsetenv(name);
    }

    const std::string& db() const { return db_; }

    // Runs `patrol <args> --db <db>` (plus `--user NAME` when given).
    Run operator()(std::vector<std::string> args, const std::string& user = "") const {
        args.push_back("--db");
        args.push_back(db_);
        if (!user.empty()) {
            args.push_back("--user");
            args.push_back(user);
        }
        return raw(args);
    }

    // Runs `patrol <args> --db <db>` like operator(), with `input` as its standard input (a file, not a terminal).
    Run withStdin(const std::string& input, std::vector<std::string> args, const std::string& user = "") const {
        args.push_back("--db");
        args.push_back(db_);
        if (!user.empty()) {
            args.push_back("--user");
            args.push_back(user);
        }
        return raw(args, &input);
    }

    // Runs patrol with exactly these arguments (and `input` as standard input when given).
    Run raw(const std::vector<std::string>& args, const std::string* input = nullptr) const {
        const std::string outFile = dir_.file("stdout.txt"), errFile = dir_.file("stderr.txt");
        const std::string inFile = input ? dir_.write("stdin.txt", *input) : "";
        const pid_t pid = spawnPatrol(args, outFile, errFile, inFile);
        int status = 0;
        waitpid(pid, &status, 0);
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readText(outFile), readText(errFile)};
    }

private:
    const ScratchDir& dir_;
    std::string db_;
};

}  // namespace patrol::testing
