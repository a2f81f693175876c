// A report's text as the office's template writes it: a small Markdown subset ("# " headings of
// three levels, paragraphs separated by blank lines, "|" tables whose first row is the header),
// parsed into blocks every output (Markdown, HTML, Word) is written from.
#pragma once

#include <string>
#include <vector>

namespace patrol::services {

struct ReportBlock {
    enum class Kind { Heading, Paragraph, Table };
    Kind kind = Kind::Paragraph;
    int level = 0;                               // headings: 1..3
    std::string text;                            // headings and paragraphs
    std::vector<std::vector<std::string>> rows;  // tables: the header row first
};

std::vector<ReportBlock> parseReportBlocks(const std::string& markdown);

// Makes a value safe inside the subset: no line breaks, no "|" (cells would split).
std::string reportCellText(const std::string& value);

}  // namespace patrol::services
