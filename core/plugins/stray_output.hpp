// stdout belongs to the findings (JSONL that scripts read), so text plugin code writes there —
// printf, std::cout, write(1, …) — is moved to stderr, each line prefixed with the plugin's id:
// "[four_styles] 标准输出：…". In this process while plugin code runs (StrayOutputGuard), and
// from an isolated runner's stdout (StrayLines fed by the parent).
#pragma once

#include <cstddef>
#include <mutex>
#include <string>

namespace patrol::plugins {

// Cuts bytes into lines and writes each to stderr (fd 2) as one write of
// "[<label>] 标准输出：<line>\n"; a last line without its line end is written by finish().
class StrayLines {
public:
    explicit StrayLines(std::string label);
    void relabel(std::string label);
    void add(const char* bytes, size_t size);
    void finish();

private:
    std::mutex mutex_;
    std::string prefix_;
    std::string pending_;
};

// While any guard lives, fd 1 is a pipe read by a thread of its own that writes its lines to
// stderr labelled with the plugins running; the original stdout is back when the last guard
// ends (C stdio and std::cout are flushed into the pipe first). Guards may live on several
// threads at once (several runs in one process): they share the one pipe, and a line is
// labelled with every plugin whose guard lives when it is read. When no pipe can be made,
// stdout is left alone.
class StrayOutputGuard {
public:
    explicit StrayOutputGuard(const std::string& pluginId);
    ~StrayOutputGuard();
    StrayOutputGuard(const StrayOutputGuard&) = delete;
    StrayOutputGuard& operator=(const StrayOutputGuard&) = delete;

private:
    std::string pluginId_;
};

}  // namespace patrol::plugins
