// `patrol check` run as a user runs it, with this folder's fixture plugins configured:
// stdout, stderr and the exit code, each captured apart.
#pragma once

#include "data/temp_folder.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace patrol::testing {

struct GuardRun {
    int exit = -1;
    std::string out;
    std::string err;
};

inline std::string guardPlugin(const std::string& id) { return std::string(PATROL_GUARD_PLUGIN_DIR) + "/" + id + ".so"; }
// "插件 <id>（<folder>/<id>.so）"
inline std::string guardLabel(const std::string& id) { return "插件 " + id + "（" + guardPlugin(id) + "）"; }

class GuardCli {
public:
    // `settings`: extra lines of the configuration, e.g. "[plugin.guard_findings]\ncase = no_refs\n".
    explicit GuardCli(const std::string& settings = "") {
        folder.write("patrol.ini", "[plugins]\nfolders = " + std::string(PATROL_GUARD_PLUGIN_DIR) + "\n" + settings);
    }
    std::string dir() const { return folder.path().string(); }

    GuardRun run(const std::string& args) const {
        const std::string command = "PATROL_DB=" + dir() + "/p.db " + std::string(PATROL_BINARY_DIR) + "/bin/patrol --config " + dir() +
                                    "/patrol.ini " + args + " 2>" + dir() + "/stderr.txt";
        GuardRun r;
        FILE* pipe = ::popen(command.c_str(), "r");
        char buffer[4096];
        for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.out.append(buffer, n);
        const int status = ::pclose(pipe);
        r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::ifstream in(folder.path() / "stderr.txt", std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        r.err = s.str();
        return r;
    }

    TempFolder folder;
};

}  // namespace patrol::testing
