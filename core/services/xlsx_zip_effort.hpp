// How hard libxlsxwriter deflates a workbook's parts. libxlsxwriter 1.1 always asks minizip for
// zlib's default level; a 50,000-task ledger is about 137 MB of sheet XML, and deflating it at
// the default level was a quarter of `report ledger`'s CPU time. At zlib's fastest level the
// file is about a sixth larger (11.3 → 13.2 MB) and holds exactly the same cells.
#pragma once

namespace patrol::services {

enum class ZipEffort {
    Default,  // zlib's default level: the reference, what libxlsxwriter does by itself
    Fast,     // zlib's fastest level
};

// While alive, zip entries libxlsxwriter opens on this thread are deflated with `effort`. It
// works by standing in for minizip's zipOpenNewFileInZip4_64 (the one call libxlsxwriter opens
// entries with) and passing every call on to minizip, with the level changed only inside a scope.
class ZipEffortScope {
public:
    explicit ZipEffortScope(ZipEffort effort);
    ~ZipEffortScope();
    ZipEffortScope(const ZipEffortScope&) = delete;
    ZipEffortScope& operator=(const ZipEffortScope&) = delete;

private:
    ZipEffort previous_;
};

}  // namespace patrol::services
