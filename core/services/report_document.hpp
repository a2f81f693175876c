// What every generated report shares: an office-editable mustache template under
// report.templates rendered into the Markdown subset (report_blocks), and the file written as
// Markdown, a printable HTML page or a Word document, chosen by its suffix.
#pragma once

#include <kainjow/mustache.hpp>

#include <filesystem>
#include <functional>
#include <string>

namespace patrol::services {

enum class ReportFormat { Markdown, Html, Docx };

// By suffix (.md, .html/.htm, .docx, any case); anything else is refused naming the three.
ReportFormat reportFormatOf(const std::filesystem::path& file);

// Pieces of a report's text, in order, as a template renders them.
using ReportSink = std::function<void(const std::string& piece)>;

// `name` (e.g. work_report.md.mustache) from `folder`, read and checked when constructed (a
// missing or broken template is refused before any output is opened); values cannot break the
// subset's lines or table cells.
class ReportTemplate {
public:
    ReportTemplate(const std::string& folder, const std::string& name);

    std::string render(const kainjow::mustache::data& view);
    // Over a context that may build its lists while they are rendered, piece by piece to `sink`.
    void render(kainjow::mustache::basic_context<std::string>& context, const ReportSink& sink);

private:
    kainjow::mustache::mustache template_;
};

// The same as ReportTemplate(folder, name).render(view).
std::string renderReportTemplate(const std::string& folder, const std::string& name, const kainjow::mustache::data& view);

// Written whole or not at all (services/output_file); an existing file is replaced. The first
// heading is the document's title.
void writeReportDocument(const std::string& markdown, const std::filesystem::path& file);

// The same, from a text `render` gives piece by piece: Markdown goes to the file as it comes (a
// report with a long appendix is never held whole); HTML and Word are written from the whole.
void writeReportDocument(const std::function<void(const ReportSink&)>& render, const std::filesystem::path& file);

}  // namespace patrol::services
