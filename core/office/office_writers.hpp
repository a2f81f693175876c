// The writers the office module holds (core/services/office_writers.hpp says why they are apart).
#pragma once

#include "core/services/ledger_workbook.hpp"
#include "core/services/report_docx.hpp"

namespace patrol::services {

// What writeLedgerWorkbook() and writeReportDocx() do, run inside the module.
void writeLedgerWorkbookNow(const Ledger& ledger, const CategoryNames& names, const std::filesystem::path& file,
                            ZipEffort effort, const ProgressSink* progress);
void writeReportDocxNow(const std::string& title, const std::vector<ReportBlock>& blocks, const std::filesystem::path& file);

}  // namespace patrol::services
