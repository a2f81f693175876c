#include "core/cli/password_entry.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "core/domain/errors.hpp"

namespace patrol::cli {

namespace {

// Turns the terminal's echo off for as long as it lives, and back on even after an exception.
class EchoOff {
public:
    EchoOff() {
        if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios saved_{};
    bool active_ = false;
};

bool readLine(std::string& line) {
    if (!std::getline(std::cin, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // typed on Windows
    return true;
}

std::string askTerminal(const std::string& userName, std::ostream& prompts) {
    std::string first, second;
    {
        EchoOff quiet;
        prompts << "请输入用户「" << userName << "」的新密码（输入时不显示）：" << std::flush;
        const bool gotFirst = readLine(first);
        prompts << "\n请再输入一次：" << std::flush;
        const bool gotSecond = gotFirst && readLine(second);
        prompts << "\n";
        if (!gotSecond) throw InvalidInput("password", "密码", "没有输入完：输入被中断。请重新运行本命令再输入。");
    }
    if (first != second)
        throw InvalidInput("password", "密码", "两次输入的不一致，密码没有改变。请重新运行本命令，两次输入同一个密码。");
    return first;
}

}  // namespace

std::string readNewPassword(const std::string& userName, std::ostream& prompts) {
    if (isatty(STDIN_FILENO)) return askTerminal(userName, prompts);
    std::string line;
    if (!readLine(line))
        throw InvalidInput("password", "密码",
                           "没有读到：标准输入是空的。请在终端里运行本命令以便输入，或把密码作为一行写入标准输入。");
    return line;
}

}  // namespace patrol::cli
