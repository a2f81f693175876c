// The 工作汇报 document: the office's template (<report.templates>/work_report.md.mustache, a
// Markdown subset with mustache tags) rendered over the work report figures, then written as
// Markdown, one printable HTML page or a Word document, chosen by the file's suffix.
#pragma once

#include <filesystem>
#include <string>

#include "core/services/report_document.hpp"
#include "core/services/work_report_figures.hpp"

namespace patrol::services {

// The template rendered: the report in the Markdown subset (services/report_blocks). Each
// figure's appendix rows become template data only while they are rendered.
std::string workReportMarkdown(const WorkReportFigures& figures, const std::string& templateFolder);

// Written whole or not at all (services/output_file); an existing file is replaced. Markdown is
// written as it renders, so a long appendix is never held whole as text either.
void writeWorkReport(const WorkReportFigures& figures, const std::string& templateFolder,
                     const std::filesystem::path& file);

}  // namespace patrol::services
