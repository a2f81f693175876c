// What every generated report shares: an office-editable mustache template under
// report.templates rendered into the Markdown subset (report_blocks), and the file written as
// Markdown, a printable HTML page or a Word document, chosen by its suffix.
#pragma once

#include <kainjow/mustache.hpp>

#include <filesystem>
#include <string>

namespace patrol::services {

enum class ReportFormat { Markdown, Html, Docx };

// By suffix (.md, .html/.htm, .docx, any case); anything else is refused naming the three.
ReportFormat reportFormatOf(const std::filesystem::path& file);

// `name` (e.g. work_report.md.mustache) from `folder`, rendered over `view`; values cannot break
// the subset's lines or table cells.
std::string renderReportTemplate(const std::string& folder, const std::string& name, const kainjow::mustache::data& view);

// Written whole or not at all (services/output_file); an existing file is replaced. The first
// heading is the document's title.
void writeReportDocument(const std::string& markdown, const std::filesystem::path& file);

}  // namespace patrol::services
