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
// Fed piece by piece, it gives what it would give the whole text at once.
class MarkdownTidier {
public:
    void add(const std::string& piece, std::string& out) {
        for (char c : piece) {
            if (c == '\n') {
                if (++newlines_ > 2) continue;
            } else {
                newlines_ = 0;
            }
            out += c;
        }
    }

private:
    size_t newlines_ = 2;  // no blank lines at the top
};

std::string tidyMarkdown(const std::string& markdown) {
    std::string out;
    MarkdownTidier().add(markdown, out);
    return out;
}

// A stream for the template renderer that hands each piece on.
struct SinkStream {
    const ReportSink& sink;
    SinkStream& operator<<(const std::string& piece) {
        sink(piece);
        return *this;
    }
};

void writeMarkdownAsRendered(const std::function<void(const ReportSink&)>& render, const std::filesystem::path& file) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    MarkdownTidier tidier;
    std::string buffer;
    render([&](const std::string& piece) {
        tidier.add(piece, buffer);
        if (buffer.size() >= 64 * 1024) {
            out << buffer;
            buffer.clear();
        }
    });
    out << buffer;
    out.close();
    if (!out) throw InternalError("cannot write " + file.string());
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

ReportTemplate::ReportTemplate(const std::string& folder, const std::string& name) : template_(templateText(folder, name)) {
    if (!template_.is_valid())
        throw UserError("报告模板 " + (std::filesystem::path(folder) / name).string() + " 有错误：" +
                        template_.error_message() + "。请改正模板（写法见模板开头的说明）。");
    template_.set_custom_escape([](const std::string& s) { return reportCellText(s); });
}

std::string ReportTemplate::render(const kainjow::mustache::data& view) { return template_.render(view); }

void ReportTemplate::render(kainjow::mustache::basic_context<std::string>& context, const ReportSink& sink) {
    SinkStream stream{sink};
    template_.render(context, stream);
}

std::string renderReportTemplate(const std::string& folder, const std::string& name, const kainjow::mustache::data& view) {
    return ReportTemplate(folder, name).render(view);
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

void writeReportDocument(const std::function<void(const ReportSink&)>& render, const std::filesystem::path& file) {
    if (reportFormatOf(file) != ReportFormat::Markdown) {
        std::string markdown;
        render([&markdown](const std::string& piece) { markdown += piece; });
        return writeReportDocument(markdown, file);
    }
    writeOutputFile(file, "报告文件", Overwrite::Allow,
                    [&](const std::filesystem::path& temporary) { writeMarkdownAsRendered(render, temporary); });
}

}  // namespace patrol::services
