#include "core/services/report_document.hpp"

#include <fstream>
#include <sstream>

#include "core/domain/errors.hpp"
#include "core/services/output_file.hpp"
#include "core/services/report_blocks.hpp"
#include "core/services/report_docx.hpp"
#include "core/services/report_html.hpp"

namespace patrol::services {
namespace {

std::string templateText(const std::string& folder, const std::string& name) {
    const auto path = std::filesystem::path(folder) / name;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw UserError("找不到报告模板 " + path.string() +
                        "。请重新安装 patrol（模板随程序装在 share/patrol/config/reports），或在设置 report.templates 中指向存放 " +
                        name + " 的目录。");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The template's section tags leave blank lines behind: one blank line between blocks is enough.
std::string tidyMarkdown(const std::string& markdown) {
    std::string out;
    size_t newlines = 2;  // no blank lines at the top
    for (char c : markdown) {
        if (c == '\n') {
            if (++newlines > 2) continue;
        } else {
            newlines = 0;
        }
        out += c;
    }
    return out;
}

std::string lowerExtension(const std::filesystem::path& file) {
    std::string extension = file.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension;
}

}  // namespace

ReportFormat reportFormatOf(const std::filesystem::path& file) {
    const std::string extension = lowerExtension(file);
    if (extension == ".md") return ReportFormat::Markdown;
    if (extension == ".html" || extension == ".htm") return ReportFormat::Html;
    if (extension == ".docx") return ReportFormat::Docx;
    throw InvalidInput("output", "报告文件", "应以 .md（Markdown）、.html（网页，可打印）或 .docx（Word 文档）结尾，收到的是 \"" +
                                                 file.string() + "\"。例如：汇报.docx");
}

std::string renderReportTemplate(const std::string& folder, const std::string& name, const kainjow::mustache::data& view) {
    kainjow::mustache::mustache tmpl(templateText(folder, name));
    if (!tmpl.is_valid())
        throw UserError("报告模板 " + (std::filesystem::path(folder) / name).string() + " 有错误：" + tmpl.error_message() +
                        "。请改正模板（写法见模板开头的说明）。");
    tmpl.set_custom_escape([](const std::string& s) { return reportCellText(s); });
    return tmpl.render(view);
}

void writeReportDocument(const std::string& markdown, const std::filesystem::path& file) {
    const ReportFormat format = reportFormatOf(file);
    const auto blocks = parseReportBlocks(markdown);
    std::string title = "报告";
    for (const auto& b : blocks)
        if (b.kind == ReportBlock::Kind::Heading) {
            title = b.text;
            break;
        }
    writeOutputFile(file, "报告文件", Overwrite::Allow, [&](const std::filesystem::path& temporary) {
        if (format == ReportFormat::Docx) {
            writeReportDocx(title, blocks, temporary);
            return;
        }
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << (format == ReportFormat::Html ? reportHtml(title, blocks) : tidyMarkdown(markdown));
        out.close();
        if (!out) throw InternalError("cannot write " + temporary.string());
    });
}

}  // namespace patrol::services
