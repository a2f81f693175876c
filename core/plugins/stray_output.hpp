// stdout belongs to the findings (JSONL that scripts read), so text plugin code writes there —
// printf, std::cout, write(1, …) — is moved to stderr, each line prefixed with the plugin's id:
// "[four_styles] 标准输出：…". In this process while plugin code runs (StrayOutputGuard), and
// from an isolated runner's stdout (StrayLines fed by the parent).
#pragma once

#include <cstddef>
#include <string>
#include <thread>

namespace patrol::plugins {

// Cuts bytes into lines and writes each to stderr (fd 2) as one write of
// "[<id>] 标准输出：<line>\n"; a last line without its line end is written by finish().
class StrayLines {
public:
    explicit StrayLines(std::string pluginId);
    void add(const char* bytes, size_t size);
    void finish();

private:
    std::string prefix_;
    std::string pending_;
};

// While it lives, fd 1 is a pipe read by a thread of its own that hands the bytes to a
// StrayLines; the original stdout is back when it ends (both C stdio and std::cout are
// flushed into the pipe first). Construct it on the thread that calls plugin code, around the
// call; guards do not nest. When no pipe can be made, stdout is left alone.
class StrayOutputGuard {
public:
    explicit StrayOutputGuard(const std::string& pluginId);
    ~StrayOutputGuard();
    StrayOutputGuard(const StrayOutputGuard&) = delete;
    StrayOutputGuard& operator=(const StrayOutputGuard&) = delete;

private:
    void forward();

    StrayLines lines_;
    int savedStdout_ = -1;  // the real stdout, put back on fd 1 at the end
    int readEnd_ = -1;
    int stop_ = -1;         // an eventfd: the guard is ending, drain what is left and stop
    std::thread reader_;
};

}  // namespace patrol::plugins
