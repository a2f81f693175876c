#include "core/services/report_blocks.hpp"

#include <sstream>

namespace patrol::services {
namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> cellsOf(const std::string& line) {
    std::vector<std::string> cells;
    std::string body = line.substr(1);
    if (!body.empty() && body.back() == '|') body.pop_back();
    std::string cell;
    std::istringstream in(body);
    while (std::getline(in, cell, '|')) cells.push_back(trimmed(cell));
    return cells;
}

// "|---|:--:|" separates a table's header from its rows.
bool isSeparator(const std::vector<std::string>& cells) {
    for (const auto& c : cells)
        if (c.empty() || c.find_first_not_of("-: ") != std::string::npos) return false;
    return !cells.empty();
}

}  // namespace

std::vector<ReportBlock> parseReportBlocks(const std::string& markdown) {
    std::vector<ReportBlock> blocks;
    bool open = false;  // the last block still takes lines
    std::istringstream in(markdown);
    std::string raw;
    while (std::getline(in, raw)) {
        const std::string line = trimmed(raw);
        if (line.empty()) {
            open = false;
            continue;
        }
        int level = 0;
        while (level < static_cast<int>(line.size()) && line[level] == '#') ++level;
        if (level >= 1 && level <= 3 && line.size() > static_cast<size_t>(level) && line[level] == ' ') {
            blocks.push_back({ReportBlock::Kind::Heading, level, trimmed(line.substr(level)), {}});
            open = false;
            continue;
        }
        if (line[0] == '|') {
            auto cells = cellsOf(line);
            if (!(open && blocks.back().kind == ReportBlock::Kind::Table)) {
                blocks.push_back({ReportBlock::Kind::Table, 0, "", {}});
                open = true;
            }
            if (!isSeparator(cells)) blocks.back().rows.push_back(std::move(cells));
            continue;
        }
        if (open && blocks.back().kind == ReportBlock::Kind::Paragraph) {
            blocks.back().text += line;  // Chinese text joins without a space
        } else {
            blocks.push_back({ReportBlock::Kind::Paragraph, 0, line, {}});
            open = true;
        }
    }
    return blocks;
}

std::string reportCellText(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '|') out += "｜";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

}  // namespace patrol::services
