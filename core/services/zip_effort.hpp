// How hard the ledger workbook's parts are deflated (core/office/xlsx_zip_effort.hpp does it).
// libxlsxwriter 1.1 always asks minizip for zlib's default level; a 50,000-task ledger is about
// 137 MB of sheet XML, and deflating it at the default level was a quarter of `report ledger`'s
// CPU time. At zlib's fastest level the file is about a sixth larger (11.3 → 13.2 MB) and holds
// exactly the same cells.
#pragma once

namespace patrol::services {

enum class ZipEffort {
    Default,  // zlib's default level: the reference, what libxlsxwriter does by itself
    Fast,     // zlib's fastest level
};

}  // namespace patrol::services
