#include "upload_world.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/services/task_service.hpp"

extern char** environ;

namespace patrol::testing {

std::string multipartBody(const std::vector<FormPart>& parts) {
    std::string body;
    for (const auto& p : parts) {
        body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
        if (!p.fileName.empty()) body += "; filename=\"" + p.fileName + "\"\r\nContent-Type: application/octet-stream";
        body += "\r\n\r\n" + p.content + "\r\n";
    }
    return body + "--" + kBoundary + "--\r\n";
}

UploadWorld::UploadWorld() { services::planTask(db, unitA, tA1, "清退超标准接待费用", "李明", "王强"); }

std::vector<std::string> UploadWorld::config(const std::vector<std::string>& serverLines, const std::vector<std::string>& databaseLines) {
    const std::string path = (dir / "serve.ini").string();
    std::ofstream out(path);
    out << "[server]\n";
    for (const auto& line : serverLines) out << line << "\n";
    out << "[database]\n";
    for (const auto& line : databaseLines) out << line << "\n";
    return {"--config", path};
}

std::string UploadWorld::footprint() {
    std::ostringstream out;
    for (const char* table : {"rectification_tasks", "progress_reports", "evidence", "audit_events", "extension_requests"}) {
        sqlite3_stmt* rows = nullptr;
        sqlite3_prepare_v2(db.handle(), (std::string("SELECT * FROM ") + table + " ORDER BY rowid").c_str(), -1, &rows, nullptr);
        out << table << ":\n";
        while (sqlite3_step(rows) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(rows); ++c) {
                const auto* text = sqlite3_column_text(rows, c);
                out << (text ? reinterpret_cast<const char*>(text) : "NULL") << "|";
            }
            out << "\n";
        }
        sqlite3_finalize(rows);
    }
    out << "files:\n";
    for (const auto& f : evidenceFiles()) out << f << "\n";
    return out.str();
}

std::vector<std::string> UploadWorld::evidenceFiles() const {
    std::vector<std::string> files;
    std::error_code ec;
    if (!std::filesystem::exists(evidenceFolder(), ec)) return files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(evidenceFolder()))
        if (!e.is_directory()) files.push_back(std::filesystem::relative(e.path(), evidenceFolder()).string());
    std::sort(files.begin(), files.end());
    return files;
}

std::string changes(const std::string& before, const std::string& after) {
    auto lines = [](const std::string& text) {
        std::multiset<std::string> out;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) out.insert(line);
        return out;
    };
    const auto a = lines(before), b = lines(after);
    std::string diff;
    for (const auto& line : a)
        if (!b.count(line)) diff += "- " + line + "\n";
    for (const auto& line : b)
        if (!a.count(line)) diff += "+ " + line + "\n";
    return diff;
}

CliRun runPatrol(const std::vector<std::string>& args) {
    const std::string exe = PATROL_BINARY_DIR "/bin/patrol";
    char outTemplate[] = "/tmp/patrol-cli-run-XXXXXX";
    const int fd = ::mkstemp(outTemplate);
    ::close(fd);
    std::vector<std::string> words{exe};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    std::vector<std::string> envText;
    for (char** e = environ; *e; ++e)
        if (std::string(*e).rfind("PATROL_", 0) != 0) envText.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : envText) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outTemplate, O_WRONLY | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = 0;
    CliRun run;
    if (posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), envp.data()) == 0) {
        int status = 0;
        waitpid(pid, &status, 0);
        run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    std::ifstream in(outTemplate, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    run.output = s.str();
    ::unlink(outTemplate);
    return run;
}

}  // namespace patrol::testing
