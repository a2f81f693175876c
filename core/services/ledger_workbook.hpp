// The ledger as an Excel workbook (libxlsxwriter): sheets 问题清单, 整改清单, 责任清单 and 统计
// with native charts (written by the office module, loaded on first use: core/services/
// office_writers.hpp); Chinese headers, a frozen header row and a filter on each list, real date
// and number cells, money as #,##0.00, the warning colour cell filled by level.
#pragma once

#include <filesystem>

#include "core/services/category_names.hpp"
#include "core/services/ledger.hpp"
#include "core/services/progress.hpp"
#include "core/services/zip_effort.hpp"

namespace patrol::services {

// Written under a temporary name and renamed onto `file` when complete (an existing file is
// replaced); nothing is left at `file` or beside it when writing fails. The parts are deflated at
// `effort`: the same cells either way (tests compare Fast with the Default reference).
// `progress`, when given, is told Writing: the list rows written (findings, tasks, responsible
// people), after each sheet.
void writeLedgerWorkbook(const Ledger& ledger, const CategoryNames& names, const std::filesystem::path& file,
                         ZipEffort effort = ZipEffort::Fast, const ProgressSink* progress = nullptr);

}  // namespace patrol::services
