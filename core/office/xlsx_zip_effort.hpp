// How hard libxlsxwriter deflates a workbook's parts (core/services/zip_effort.hpp says why).
#pragma once

#include "core/services/zip_effort.hpp"

namespace patrol::services {

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
