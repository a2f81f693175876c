// The .xlsx ledger and the .docx reports are written by the office module (lib/patrol/
// patrol-office.so), loaded with dlopen on first use: libxlsxwriter, minizip, Poco::Zip and the
// libcrypto libxlsxwriter needs, linked into the executable, made every command resolve about
// 5,000 more symbols at start-up, though only the report commands write these files.
//
// writeLedgerWorkbook() and writeReportDocx() (ledger_workbook.hpp, report_docx.hpp) pass their
// call on to the module. The module carries its own copy of the layers it uses and binds to
// them alone; what crosses is the arguments of the call and a thrown UserError.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/services/category_names.hpp"
#include "core/services/ledger.hpp"
#include "core/services/progress.hpp"
#include "core/services/report_blocks.hpp"
#include "core/services/zip_effort.hpp"

namespace patrol::services {

struct OfficeWriters {
    void (*ledgerWorkbook)(const Ledger&, const CategoryNames&, const std::filesystem::path&, ZipEffort, const ProgressSink*);
    void (*reportDocx)(const std::string& title, const std::vector<ReportBlock>&, const std::filesystem::path&);
};

// Loads the module on the first call; throws when it cannot be loaded (a broken build or install).
const OfficeWriters& officeWriters();

}  // namespace patrol::services

// The one symbol the loader looks up in the module.
#define PATROL_OFFICE_ENTRY "patrol_office_writers"
extern "C" __attribute__((visibility("default"))) const patrol::services::OfficeWriters* patrol_office_writers();
