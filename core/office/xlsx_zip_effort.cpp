#include "core/office/xlsx_zip_effort.hpp"

#include <dlfcn.h>
#include <minizip/zip.h>
#include <zlib.h>

namespace patrol::services {
namespace {

thread_local ZipEffort currentEffort = ZipEffort::Default;

}  // namespace

ZipEffortScope::ZipEffortScope(ZipEffort effort) : previous_(currentEffort) { currentEffort = effort; }

ZipEffortScope::~ZipEffortScope() { currentEffort = previous_; }

}  // namespace patrol::services

// Defined in the office module, this is the definition libxlsxwriter's call binds to: the module
// comes before its own dependencies in their lookup scope, and the executable, searched first,
// links neither libxlsxwriter nor minizip. minizip's own is the next one (RTLD_NEXT). It is the
// one symbol of the module besides its entry that is visible outside it.
extern "C" __attribute__((visibility("default"))) int zipOpenNewFileInZip4_64(zipFile file, const char* filename, const zip_fileinfo* info,
                                       const void* extraLocal, uInt extraLocalSize, const void* extraGlobal,
                                       uInt extraGlobalSize, const char* comment, int method, int level, int raw,
                                       int windowBits, int memLevel, int strategy, const char* password,
                                       uLong crcForCrypting, uLong versionMadeBy, uLong flagBase, int zip64) {
    using Open = int (*)(zipFile, const char*, const zip_fileinfo*, const void*, uInt, const void*, uInt, const char*,
                         int, int, int, int, int, int, const char*, uLong, uLong, uLong, int);
    static const auto minizipOpen = reinterpret_cast<Open>(dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64"));
    if (!minizipOpen) return ZIP_INTERNALERROR;
    if (patrol::services::currentEffort == patrol::services::ZipEffort::Fast && method == Z_DEFLATED) level = Z_BEST_SPEED;
    return minizipOpen(file, filename, info, extraLocal, extraLocalSize, extraGlobal, extraGlobalSize, comment, method,
                       level, raw, windowBits, memLevel, strategy, password, crcForCrypting, versionMadeBy, flagBase,
                       zip64);
}
