// A workbook as openpyxl reads it (dump_workbook.py): one fact a line, for exact comparison.
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

// Runs an independent reader (a Python script under the system interpreter) and returns its output.
inline std::string runReader(const ScratchDir& dir, std::vector<std::string> args) {
    const std::string out = dir.file("dump.txt"), err = dir.file("dump.err");
    args.insert(args.begin(), PATROL_SYSTEM_PYTHON3);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + args[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error(args[1] + " failed: " + readText(err));
    return readText(out);
}

inline std::string dumpWorkbook(const ScratchDir& dir, const std::string& file, const std::vector<std::string>& sheets = {}) {
    std::vector<std::string> args{PATROL_DUMP_WORKBOOK, file};
    args.insert(args.end(), sheets.begin(), sheets.end());
    return runReader(dir, args);
}

// Each zip entry of the file with the deflate option its header records (zip_entries.py).
inline std::string zipEntries(const ScratchDir& dir, const std::string& file) {
    return runReader(dir, {PATROL_ZIP_ENTRIES, file});
}

}  // namespace patrol::testing
