// Subcommands of the `patrol` executable: each command file registers a CommandSpec at
// static-initialization time, and main() dispatches on the words the user typed.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace patrol::cli {

class Invocation;

struct OptionSpec {
    std::string name;        // without the leading "--"
    std::string valueName;   // empty: a flag that takes no value
    std::string help;        // Chinese, one line
    bool repeatable = false; // may be given several times, or with several values (--unit A B)
};

struct CommandSpec {
    std::vector<std::string> path;   // e.g. {"unit", "add"}
    std::string summary;             // Chinese, one line
    std::vector<OptionSpec> options;
    std::string positionalName;      // e.g. "ID"; empty when the command takes none
    size_t minPositional = 0;
    size_t maxPositional = 0;
    std::string examples;            // shown under --help
    std::function<int(Invocation&)> run;
};

// Options shared by every command (parsed wherever they appear on the line).
const std::vector<OptionSpec>& globalOptions();

class CommandRegistry {
public:
    static CommandRegistry& instance();
    void add(CommandSpec spec);
    const std::vector<CommandSpec>& commands() const { return commands_; }
    // The command whose path is the longest prefix of `words`; nullptr when none.
    const CommandSpec* find(const std::vector<std::string>& words) const;

private:
    std::vector<CommandSpec> commands_;
};

// Place one `const Registration taskListRegistration{...};` per command in its command file's
// anonymous namespace. Name it and its run function after the command: the unity build compiles
// several command files as one source, where two `registration`s or `runList`s would clash.
struct Registration {
    explicit Registration(CommandSpec spec) { CommandRegistry::instance().add(std::move(spec)); }
};

// What the user gave a command, after parsing against its spec and the global options.
class ParsedArgs {
public:
    bool has(const std::string& name) const { return values_.count(name) != 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;
    // The value of an option the command cannot do without; UserError naming it otherwise.
    std::string required(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }

    void set(const std::string& name, std::string v) { values_[name].push_back(std::move(v)); }
    void flag(const std::string& name) { values_[name]; }
    void addPositional(std::string v) { positional_.push_back(std::move(v)); }

private:
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> positional_;
};

// Parses `args` (the words after the command path) against `spec` plus the global options.
// Throws UserError for an unknown option, a missing value or a wrong number of arguments.
ParsedArgs parseArguments(const CommandSpec& spec, const std::vector<std::string>& args);

std::string commandHelp(const CommandSpec& spec);
// Help for a group ("patrol unit --help") or the whole tool (empty prefix).
std::string groupHelp(const std::vector<std::string>& prefix);

}  // namespace patrol::cli
