// Running the built patrol with its stderr on a pseudo-terminal, as a user at a terminal sees
// it, for the tests of the progress line.
#pragma once

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "workflow_cli/county.hpp"

namespace patrol::testing {

// Runs patrol with its stderr on a new pseudo-terminal (stdout into a file, stdin empty) and
// returns what the terminal received, with the terminal's \r\n turned back into \n.
inline Run onTerminal(const ScratchDir& dir, const std::vector<std::string>& args) {
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    REQUIRE(master >= 0);
    REQUIRE(grantpt(master) == 0);
    REQUIRE(unlockpt(master) == 0);
    const std::string slave = ptsname(master);
    const std::string exe = PATROL_BINARY_DIR "/bin/patrol";
    const std::string outFile = dir.file("tty-out.txt");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, slave.c_str(), O_RDWR | O_NOCTTY, 0);
    std::vector<char*> argv{const_cast<char*>(exe.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);

    // Read while it runs (a full terminal buffer would stop it), then what is left.
    std::string shown;
    int status = 0;
    bool exited = false;
    for (;;) {
        pollfd p{master, POLLIN, 0};
        const int ready = poll(&p, 1, exited ? 0 : 50);
        if (ready > 0 && (p.revents & POLLIN)) {
            char buf[4096];
            const ssize_t n = read(master, buf, sizeof buf);
            if (n > 0) {
                shown.append(buf, static_cast<size_t>(n));
                continue;
            }
        }
        if (exited) break;
        exited = waitpid(pid, &status, WNOHANG) == pid;
    }
    close(master);
    for (size_t at = shown.find("\r\n"); at != std::string::npos; at = shown.find("\r\n", at)) shown.erase(at, 1);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readText(outFile), shown};
}

// The terminal's text without the progress line's drawings ("\r…\x1b[K") and erasures ("\r\x1b[K").
inline std::string withoutProgress(std::string shown) {
    for (size_t at = shown.find('\r'); at != std::string::npos; at = shown.find('\r', at)) {
        const size_t end = shown.find("\x1b[K", at);
        REQUIRE(end != std::string::npos);
        shown.erase(at, end + 3 - at);
    }
    return shown;
}

inline std::vector<std::string> withDb(std::vector<std::string> args, const Patrol& patrol) {
    args.push_back("--db");
    args.push_back(patrol.db());
    return args;
}

}  // namespace patrol::testing
