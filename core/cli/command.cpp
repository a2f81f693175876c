#include "core/cli/command.hpp"

#include "core/cli/listing.hpp"
#include "core/domain/errors.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace patrol::cli {

const std::vector<OptionSpec>& globalOptions() {
    static const std::vector<OptionSpec> options = {
        {"db", "PATH", "数据库文件（默认取配置 database.path 或环境变量 PATROL_DB）"},
        {"config", "FILE", "配置文件（默认 config/patrol.ini，或环境变量 PATROL_CONFIG）"},
        {"user", "NAME", "以哪个用户的身份执行（默认取 PATROL_USER，本机默认 admin）"},
        {"calendar", "FILE", "工作日日历文件，替代配置中的日历"},
        {"help", "", "显示帮助"},
    };
    return options;
}

CommandRegistry& CommandRegistry::instance() {
    static CommandRegistry registry;
    return registry;
}

void CommandRegistry::add(CommandSpec spec) {
    // Every command that writes CSV can write it for Excel too.
    const bool writesCsv = std::any_of(spec.options.begin(), spec.options.end(), [](const OptionSpec& o) {
        return o.name == "format" && ("|" + o.valueName + "|").find("|csv|") != std::string::npos;
    });
    if (writesCsv) spec.options.push_back(excelOption());
    commands_.push_back(std::move(spec));
}

const CommandSpec* CommandRegistry::find(const std::vector<std::string>& words) const {
    const CommandSpec* best = nullptr;
    for (const auto& c : commands_) {
        if (c.path.size() > words.size()) continue;
        if (!std::equal(c.path.begin(), c.path.end(), words.begin())) continue;
        if (!best || c.path.size() > best->path.size()) best = &c;
    }
    return best;
}

std::optional<std::string> ParsedArgs::value(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> ParsedArgs::values(const std::string& name) const {
    const auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::string ParsedArgs::required(const std::string& name) const {
    const auto v = value(name);
    if (!v || v->empty())
        throw UserError("缺少必需的选项 " + std::string(name.size() == 1 ? "-" : "--") + name + "。请用 --help 查看用法。");
    return *v;
}

static const OptionSpec* findOption(const CommandSpec& spec, const std::string& name) {
    for (const auto& o : spec.options)
        if (o.name == name) return &o;
    for (const auto& o : globalOptions())
        if (o.name == name) return &o;
    return nullptr;
}

static std::string commandName(const CommandSpec& spec) {
    std::string name = "patrol";
    for (const auto& w : spec.path) name += " " + w;
    return name;
}

// A word a repeatable option took after its first value (--unit A B C: B and C). Such words
// give way to the command's required arguments when those are missing.
struct ExtraValue {
    size_t option;  // index into the option values in line order
    size_t word;    // position of the word on the line
};

// --format takes one of the words its value name lists (table|json|csv …): a command that
// would otherwise fall back to its table must not take "xml" for an answer.
static void requireListedFormat(const OptionSpec& option, const std::string& value) {
    std::vector<std::string> allowed;
    std::stringstream words(option.valueName);
    for (std::string word; std::getline(words, word, '|');) {
        if (word == value) return;
        allowed.push_back(word);
    }
    std::string list;
    for (size_t k = 0; k < allowed.size(); ++k)
        list += (k == 0 ? "" : k + 1 == allowed.size() ? " 或 " : "、") + allowed[k];
    throw UserError("--format 应为 " + list + " 之一，收到的是 \"" + value + "\"。");
}

// "--name" or "--name=value", or a one-letter option "-o" (an output file, as other tools write it).
static bool isOptionWord(const std::string& word) {
    if (word.size() > 2 && word.rfind("--", 0) == 0) return true;
    return word.size() == 2 && word[0] == '-' && std::isalpha(static_cast<unsigned char>(word[1]));
}

// How help and messages write an option: -o for one letter, --name otherwise.
static std::string optionWord(const std::string& name) { return (name.size() == 1 ? "-" : "--") + name; }

ParsedArgs parseArguments(const CommandSpec& spec, const std::vector<std::string>& args) {
    std::vector<std::pair<std::string, std::string>> optionValues;  // in line order
    std::vector<std::string> flags;
    std::vector<std::pair<size_t, std::string>> positional;         // (position on the line, word)
    std::vector<ExtraValue> extras;
    std::map<std::string, size_t> given;
    bool onlyPositional = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& word = args[i];
        if (onlyPositional || !isOptionWord(word)) {
            if (word == "--" && !onlyPositional) { onlyPositional = true; continue; }
            positional.emplace_back(i, word);
            continue;
        }
        std::string name = word.substr(word[1] == '-' ? 2 : 1);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const OptionSpec* option = findOption(spec, name);
        if (!option)
            throw UserError(commandName(spec) + " 不认识选项 " + optionWord(name) + "。请用 " + commandName(spec) + " --help 查看可用选项。");
        if (option->valueName.empty()) {
            if (inlineValue) throw UserError("选项 " + optionWord(name) + " 不带值，但给了 \"" + *inlineValue + "\"。");
            flags.push_back(name);
            continue;
        }
        if (inlineValue) {
            optionValues.emplace_back(name, *inlineValue);
        } else {
            if (i + 1 >= args.size() || isOptionWord(args[i + 1]))
                throw UserError("选项 " + optionWord(name) + " 需要一个值 " + option->valueName + "，但没有给出。");
            optionValues.emplace_back(name, args[++i]);
        }
        if (!option->repeatable && ++given[name] > 1) throw UserError("选项 " + optionWord(name) + " 只能给一次。");
        if (name == "format") requireListedFormat(*option, optionValues.back().second);
        // A repeatable option also takes the words that follow it up to the next option: --unit A B C.
        while (option->repeatable && !inlineValue && i + 1 < args.size() && !isOptionWord(args[i + 1]) && args[i + 1] != "--") {
            optionValues.emplace_back(name, args[++i]);
            extras.push_back({optionValues.size() - 1, i});
        }
    }
    // Required arguments not given on their own are the last words those options took:
    // task progress --evidence a.pdf 12 --note n (12 is the task).
    std::vector<bool> reclaimed(optionValues.size(), false);
    for (auto it = extras.rbegin(); it != extras.rend() && positional.size() < spec.minPositional; ++it) {
        reclaimed[it->option] = true;
        positional.emplace_back(it->word, optionValues[it->option].second);
    }
    std::sort(positional.begin(), positional.end());

    ParsedArgs parsed;
    for (const auto& name : flags) parsed.flag(name);
    for (size_t k = 0; k < optionValues.size(); ++k)
        if (!reclaimed[k]) parsed.set(optionValues[k].first, optionValues[k].second);
    for (const auto& [position, word] : positional) parsed.addPositional(word);
    if (parsed.has("help")) return parsed;
    const size_t n = parsed.positional().size();
    if (n < spec.minPositional)
        throw UserError(commandName(spec) + " 需要参数 " + spec.positionalName + "。请用 --help 查看用法。");
    if (n > spec.maxPositional)
        throw UserError(commandName(spec) + " 不认识多余的参数 \"" + parsed.positional()[spec.maxPositional] +
                        "\"。请用 --help 查看用法。");
    return parsed;
}

static void appendOptions(std::ostringstream& out, const std::vector<OptionSpec>& options) {
    for (const auto& o : options) {
        std::string left = "  " + optionWord(o.name) + (o.valueName.empty() ? "" : " " + o.valueName) + (o.repeatable ? " ..." : "");
        if (left.size() < 28) left.resize(28, ' ');
        out << left << " " << o.help << "\n";
    }
}

// How the words after a repeatable option are read, in the terms of this command.
static void appendRepeatableNote(std::ostringstream& out, const CommandSpec& spec) {
    const auto repeatable = std::find_if(spec.options.begin(), spec.options.end(), [](const OptionSpec& o) { return o.repeatable; });
    if (repeatable == spec.options.end()) return;
    out << "\n标有 ... 的选项可以给多次，每次也可跟多个值，直到下一个选项为止；写成 --" << repeatable->name
        << "=值 时只取这一个值。\n";
    if (spec.minPositional == 0) return;
    const std::string last = spec.minPositional == 1 ? "最后一个词" : "最后 " + std::to_string(spec.minPositional) + " 个词";
    out << "参数 " << spec.positionalName << " 没有另外给出时，取这些值中的" << last << "；-- 之后的词都是参数。\n";
}

std::string commandHelp(const CommandSpec& spec) {
    std::ostringstream out;
    out << "用法: " << commandName(spec);
    if (!spec.options.empty()) out << " [选项]";
    if (!spec.positionalName.empty()) out << " " << spec.positionalName;
    out << "\n\n" << spec.summary << "\n";
    if (!spec.options.empty()) {
        out << "\n选项:\n";
        appendOptions(out, spec.options);
        appendRepeatableNote(out, spec);
    }
    out << "\n通用选项:\n";
    appendOptions(out, globalOptions());
    if (!spec.examples.empty()) out << "\n示例:\n" << spec.examples << (spec.examples.back() == '\n' ? "" : "\n");
    return out.str();
}

std::string groupHelp(const std::vector<std::string>& prefix) {
    std::ostringstream out;
    std::string name = "patrol";
    for (const auto& w : prefix) name += " " + w;
    if (prefix.empty())
        out << "patrol —— 巡察工作工具：被巡察单位、巡察轮次、问题、整改任务、预警督办与自动检查。\n\n";
    out << "用法: " << name << " <命令> [选项]\n\n命令:\n";
    std::set<std::string> seen;
    for (const auto& c : CommandRegistry::instance().commands()) {
        if (c.path.size() <= prefix.size() || !std::equal(prefix.begin(), prefix.end(), c.path.begin())) continue;
        const bool isLeaf = c.path.size() == prefix.size() + 1;
        const std::string word = c.path[prefix.size()];
        if (!seen.insert(word).second) continue;
        std::string left = "  " + word;
        if (left.size() < 20) left.resize(20, ' ');
        out << left << " " << (isLeaf ? c.summary : "(" + word + " 的子命令，见 " + name + " " + word + " --help)") << "\n";
    }
    out << "\n每个命令都支持 --help。退出码: 0 完成，2 输入有误或操作被拒绝，1 有检查插件运行失败（出错、隔离运行时崩溃或超时）或内部错误。\n";
    if (prefix.empty()) out << "patrol --version 显示版本号。\n";
    return out.str();
}

}  // namespace patrol::cli
