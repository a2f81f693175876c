#include "core/services/report_html.hpp"

#include "core/services/markup_text.hpp"

namespace patrol::services {
namespace {

const char* kStyle =
    "@page{size:A4;margin:25mm 20mm}"
    "body{font-family:'Noto Serif CJK SC','SimSun',serif;font-size:12pt;line-height:1.8;max-width:170mm;margin:0 auto;color:#000}"
    "h1{font-size:18pt;text-align:center}h2{font-size:15pt}h3{font-size:13pt}"
    "p{text-indent:2em;margin:0.4em 0}"
    "table{border-collapse:collapse;width:100%;margin:0.6em 0;font-size:10.5pt;page-break-inside:auto}"
    "th,td{border:1px solid #000;padding:2px 6px;text-align:left}th{background:#eee}"
    "tr{page-break-inside:avoid}thead{display:table-header-group}"
    "@media print{h1,h2,h3{page-break-after:avoid}}";

}  // namespace

std::string reportHtml(const std::string& title, const std::vector<ReportBlock>& blocks) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + markupText(title) +
                      "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    for (const auto& b : blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::Heading: {
            const std::string tag = "h" + std::to_string(b.level);
            out += "<" + tag + ">" + markupText(b.text) + "</" + tag + ">\n";
            break;
        }
        case ReportBlock::Kind::Paragraph: out += "<p>" + markupText(b.text) + "</p>\n"; break;
        case ReportBlock::Kind::Table:
            out += "<table>\n";
            for (size_t r = 0; r < b.rows.size(); ++r) {
                const char* cell = r == 0 ? "th" : "td";
                out += r == 0 ? "<thead><tr>" : "<tr>";
                for (const auto& c : b.rows[r]) out += std::string("<") + cell + ">" + markupText(c) + "</" + cell + ">";
                out += r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n";
            }
            out += b.rows.empty() ? "</table>\n" : "</tbody>\n</table>\n";
            break;
        }
    }
    return out + "</body>\n</html>\n";
}

}  // namespace patrol::services
