#include "core/services/office_writers.hpp"

#include "core/services/install_paths.hpp"
#include "core/services/module_entry.hpp"
#include "core/services/ledger_workbook.hpp"
#include "core/services/report_docx.hpp"

namespace patrol::services {

namespace {

const OfficeWriters& loadOfficeWriters() {
    const auto entry = moduleEntry(officeModulePath(), PATROL_OFFICE_ENTRY, ".xlsx 和 .docx 报表的写出");
    return *reinterpret_cast<decltype(&patrol_office_writers)>(entry)();
}

}  // namespace

const OfficeWriters& officeWriters() {
    static const OfficeWriters& writers = loadOfficeWriters();  // a failed load is tried again next time
    return writers;
}

void writeLedgerWorkbook(const Ledger& ledger, const CategoryNames& names, const std::filesystem::path& file,
                         ZipEffort effort, const ProgressSink* progress) {
    officeWriters().ledgerWorkbook(ledger, names, file, effort, progress);
}

void writeReportDocx(const std::string& title, const std::vector<ReportBlock>& blocks, const std::filesystem::path& file) {
    officeWriters().reportDocx(title, blocks, file);
}

}  // namespace patrol::services
