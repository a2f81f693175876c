#include "core/services/office_writers.hpp"

#include <dlfcn.h>

#include <stdexcept>

#include "core/services/install_paths.hpp"
#include "core/services/ledger_workbook.hpp"
#include "core/services/report_docx.hpp"

namespace patrol::services {

namespace {

const OfficeWriters& loadOfficeWriters() {
    const std::string file = officeModulePath();
    // Never closed: a later report in the same process uses it again.
    void* module = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    const char* failure = module ? nullptr : ::dlerror();
    void* entry = module ? ::dlsym(module, PATROL_OFFICE_ENTRY) : nullptr;
    if (!entry) {
        if (module) failure = ::dlerror();
        // A build or install missing its own file: not something the user typed.
        throw std::runtime_error("无法载入报表文件模块 " + file + "：" + (failure ? failure : "未知原因") +
                                 "。请重新构建或安装 patrol。");
    }
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
