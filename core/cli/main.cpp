// The `patrol` executable: finds the command the user typed, parses its options, runs it,
// and turns failures into a Chinese message on stderr plus the documented exit code.
#include "core/cli/app.hpp"
#include "core/cli/command.hpp"
#include "core/cli/descriptor_output.hpp"
#include "core/cli/error_hints.hpp"
#include "core/cli/exit_code.hpp"
#include "core/cli/huge_page_heap.hpp"
#include "core/cli/write_behind.hpp"
#include "core/domain/errors.hpp"

#include <Poco/Exception.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

// The command being run, so a refusal can be worded with its options.
const patrol::cli::CommandSpec* running = nullptr;

int dispatch(std::vector<std::string> words, char** argv) {
    using namespace patrol::cli;
    // Global options may stand before the command words too: patrol --db x.db demo.
    std::vector<std::string> commandWords, leadingOptions;
    size_t next = 0;
    for (; next < words.size(); ++next) {
        const std::string& w = words[next];
        if (w.rfind("-", 0) != 0) {
            commandWords.push_back(w);
            continue;
        }
        if (!commandWords.empty()) break;
        const std::string name = w.substr(2, w.find('=') == std::string::npos ? std::string::npos : w.find('=') - 2);
        const auto& globals = globalOptions();
        const auto option = std::find_if(globals.begin(), globals.end(), [&](const OptionSpec& o) { return o.name == name; });
        if (w.rfind("--", 0) != 0 || option == globals.end() || option->name == "help") break;
        leadingOptions.push_back(w);
        if (!option->valueName.empty() && w.find('=') == std::string::npos && next + 1 < words.size()) leadingOptions.push_back(words[++next]);
    }
    // patrol --version is the version command.
    if (commandWords.empty() && next < words.size() && words[next] == "--version") {
        words[next] = "version";
        commandWords = {"version"};
    }
    const CommandSpec* spec = CommandRegistry::instance().find(commandWords);
    if (!spec) {
        const bool askedHelp = words.empty() || words.back() == "--help" || words.back() == "-h" || words[0] == "help";
        std::vector<std::string> named = commandWords;
        if (!named.empty() && named[0] == "help") named.erase(named.begin());
        // The longest group the words name: a group word alone ("patrol unit") or help asked
        // for at any level lists what is there; a word after it that names nothing is refused.
        std::vector<std::string> prefix = named;
        while (!prefix.empty() && groupHelp(prefix).find("\n  ") == std::string::npos) prefix.pop_back();
        if (prefix == named && (askedHelp || !named.empty() || next >= words.size())) {
            std::cout << groupHelp(prefix);
            return askedHelp ? 0 : 2;
        }
        // Name the words up to the first one that names nothing, and where to look instead.
        std::string unknown, group;
        for (const auto& w : prefix) group += " " + w;
        for (size_t k = 0; k <= prefix.size() && k < named.size(); ++k) unknown += (k ? " " : "") + named[k];
        if (named.empty()) unknown = words[next];
        std::cerr << "错误: 未知命令 " << unknown << "。请用 patrol" << group << " --help 查看"
                  << (prefix.empty() ? std::string("所有命令") : " " + prefix.back() + " 的子命令") << "。\n";
        return 2;
    }
    running = spec;
    relaunchWithHugePageHeap(spec->path, argv);
    std::vector<std::string> rest(words.begin() + static_cast<long>(leadingOptions.size() + spec->path.size()), words.end());
    rest.insert(rest.begin(), leadingOptions.begin(), leadingOptions.end());  // before any --
    for (const auto& w : rest)
        if (w == "-h") {
            std::cout << commandHelp(*spec);
            return 0;
        }
    const ParsedArgs args = parseArguments(*spec, rest);
    if (args.has("help")) {
        std::cout << commandHelp(*spec);
        return 0;
    }
    AppContext app(args);
    Invocation invocation{args, app, std::cout, std::cerr};
    return spec->run(invocation);
}

int run(const std::vector<std::string>& words, char** argv) {
    try {
        return dispatch(words, argv);
    } catch (const patrol::UserError& e) {
        std::cout.flush();
        std::cerr << "错误: " << patrol::cli::refusalText(e, running) << "\n";
        return static_cast<int>(patrol::cli::ExitCode::BadInput);
    } catch (const Poco::Exception& e) {
        std::cout.flush();
        std::cerr << "内部错误: " << e.displayText() << "\n";
    } catch (const std::exception& e) {
        std::cout.flush();
        std::cerr << "内部错误: " << e.what() << "\n";
    }
    return static_cast<int>(patrol::cli::ExitCode::Internal);
}

// A command that did its work but whose output did not all reach standard output (a full disk,
// a file size limit) says so and exits 2, as `check` does; otherwise a script would take a cut
// listing or report for a whole one. A reader that stopped reading (`| head`) has what it
// wanted: no message. A command that already failed keeps its own message and status.
int withOutputChecked(int status, const patrol::cli::DescriptorOutput& output) {
    std::cout.flush();
    const int error = output.failure();
    if (status != 0 || error == 0 || error == EPIPE) return status;
    std::cerr << "错误: 输出未能全部写出：" << std::strerror(error)
              << "。命令本身已经完成（如有改动，已经保存）；请检查磁盘空间和输出位置，再用相应的查询命令查看结果。\n";
    return static_cast<int>(patrol::cli::ExitCode::BadInput);
}

}  // namespace

int main(int argc, char** argv) {
    using patrol::cli::DescriptorOutput, patrol::cli::WriteBehindBuffer;
    std::ios::sync_with_stdio(false);
    // Into a regular file, output is written behind: a findings-heavy check's hundreds of
    // megabytes of JSONL then take no fresh memory for their page cache.
    const std::unique_ptr<DescriptorOutput> output = WriteBehindBuffer::suits(STDOUT_FILENO)
                                                         ? std::make_unique<WriteBehindBuffer>(STDOUT_FILENO)
                                                         : std::make_unique<DescriptorOutput>(STDOUT_FILENO);
    std::streambuf* const before = std::cout.rdbuf(output.get());
    const int status = withOutputChecked(run(std::vector<std::string>(argv + 1, argv + argc), argv), *output);
    std::cout.rdbuf(before);
    return status;
}
