#include "core/office/office_writers.hpp"

#include "core/services/markup_text.hpp"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <fstream>
#include <sstream>

#include "core/domain/errors.hpp"

namespace patrol::services {
namespace {

const char* kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string run(const std::string& text, bool bold = false) {
    return std::string("<w:r>") + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" + markupText(text) +
           "</w:t></w:r>";
}

std::string paragraph(const std::string& style, const std::string& text, bool bold = false) {
    return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>" + run(text, bold) + "</w:p>";
}

std::string table(const std::vector<std::vector<std::string>>& rows) {
    size_t columns = 0;
    for (const auto& r : rows) columns = std::max(columns, r.size());
    std::string out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid>";
    for (size_t c = 0; c < columns; ++c) out += "<w:gridCol w:w=\"" + std::to_string(9000 / std::max<size_t>(columns, 1)) + "\"/>";
    out += "</w:tblGrid>";
    for (size_t r = 0; r < rows.size(); ++r) {
        out += r == 0 ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
        for (size_t c = 0; c < columns; ++c)
            out += "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>" +
                   paragraph("TableText", c < rows[r].size() ? rows[r][c] : "", r == 0) + "</w:tc>";
        out += "</w:tr>";
    }
    return out + "</w:tbl>";
}

std::string documentXml(const std::vector<ReportBlock>& blocks) {
    std::string body;
    for (const auto& b : blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::Heading: body += paragraph("Heading" + std::to_string(b.level), b.text); break;
        case ReportBlock::Kind::Paragraph: body += paragraph("BodyText", b.text); break;
        case ReportBlock::Kind::Table:
            body += table(b.rows);
            body += "<w:p/>";  // Word needs a paragraph between two tables, and it spaces them
            break;
        }
    }
    // A4 portrait, 2.5 cm top/bottom and 2 cm left/right margins, the footer with the page number.
    return std::string(kDeclaration) + "<w:document xmlns:w=\"" + kW + "\" xmlns:r=\"" + kR + "\"><w:body>" + body +
           "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/>"
           "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
           "<w:pgMar w:top=\"1418\" w:right=\"1134\" w:bottom=\"1418\" w:left=\"1134\" w:header=\"851\" w:footer=\"851\" "
           "w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
}

std::string footerXml() {
    return std::string(kDeclaration) + "<w:ftr xmlns:w=\"" + kW + "\" xmlns:r=\"" + kR + "\">" +
           "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>" + run("第 ") +
           "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>" + run(" 页，共 ") +
           "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple>" + run(" 页") + "</w:p></w:ftr>";
}

std::string style(const std::string& id, const std::string& name, const std::string& paragraphProps,
                  const std::string& runProps, int outline = -1) {
    return "<w:style w:type=\"paragraph\"" + std::string(id == "Normal" ? " w:default=\"1\"" : "") + " w:styleId=\"" + id +
           "\"><w:name w:val=\"" + name + "\"/>" +
           (id == "Normal" ? "" : "<w:basedOn w:val=\"Normal\"/>") + (id == "Normal" ? "" : "<w:qFormat/>") + "<w:pPr>" +
           paragraphProps + (outline >= 0 ? "<w:outlineLvl w:val=\"" + std::to_string(outline) + "\"/>" : "") +
           "</w:pPr><w:rPr>" + runProps + "</w:rPr></w:style>";
}

std::string stylesXml() {
    const std::string fonts = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\"/>";
    const std::string heiti = "<w:rFonts w:eastAsia=\"黑体\"/>";
    std::string out = std::string(kDeclaration) + "<w:styles xmlns:w=\"" + kW + "\">" +
                      "<w:docDefaults><w:rPrDefault><w:rPr>" + fonts +
                      "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\"/></w:rPr>"
                      "</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/>"
                      "</w:pPr></w:pPrDefault></w:docDefaults>";
    out += style("Normal", "Normal", "", "");
    out += style("Heading1", "heading 1", "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"240\"/><w:jc w:val=\"center\"/>",
                 heiti + "<w:b/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>", 0);
    out += style("Heading2", "heading 2", "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>",
                 heiti + "<w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>", 1);
    out += style("Heading3", "heading 3", "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>",
                 heiti + "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>", 2);
    out += style("BodyText", "Body Text", "<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>", "");
    out += style("TableText", "Table Text", "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>",
                 "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>");
    out += style("Footer", "footer", "<w:jc w:val=\"center\"/>", "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
    const std::string border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
    out += "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
           "<w:top " + border + "<w:left " + border + "<w:bottom " + border + "<w:right " + border + "<w:insideH " + border +
           "<w:insideV " + border + "</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/>"
           "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
    return out + "</w:styles>";
}

std::string coreXml(const std::string& title) {
    return std::string(kDeclaration) +
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + markupText(title) + "</dc:title><dc:language>zh-CN</dc:language>"
           "</cp:coreProperties>";
}

const char* kContentTypes =
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>";

const char* kPackageRels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>";

const char* kDocumentRels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
    "</Relationships>";

}  // namespace

void writeReportDocxNow(const std::string& title, const std::vector<ReportBlock>& blocks, const std::filesystem::path& file) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw InternalError("cannot open " + file.string());
    Poco::Zip::Compress zip(out, true);
    const Poco::DateTime now;
    auto add = [&](const std::string& name, const std::string& text) {
        std::istringstream in(text);
        zip.addFile(in, now, Poco::Path(name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                    Poco::Zip::ZipCommon::CL_NORMAL);
    };
    add("[Content_Types].xml", std::string(kDeclaration) + kContentTypes);
    add("_rels/.rels", std::string(kDeclaration) + kPackageRels);
    add("docProps/core.xml", coreXml(title));
    add("word/document.xml", documentXml(blocks));
    add("word/styles.xml", stylesXml());
    add("word/footer1.xml", footerXml());
    add("word/_rels/document.xml.rels", std::string(kDeclaration) + kDocumentRels);
    zip.close();
    out.close();
    if (!out) throw InternalError("cannot write " + file.string());
}

}  // namespace patrol::services
