// A report as a Word document (OOXML .docx) that Word and LibreOffice open: the blocks become
// built-in Heading 1–3 styles, body paragraphs and bordered tables, on A4 with the page number
// in the footer. The parts are written here as text and zipped with Poco::Zip: a handful of
// small XML parts is easier to review and keep correct than a binary template document, and the
// wording the office edits lives in the text template anyway.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/services/report_blocks.hpp"

namespace patrol::services {

void writeReportDocx(const std::string& title, const std::vector<ReportBlock>& blocks, const std::filesystem::path& file);

}  // namespace patrol::services
