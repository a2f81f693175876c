// Unpacking a zip archive of CSV data files sent for a check (spec/datasets.md "Running a
// check"). The archive comes from outside, so nothing in it is trusted: names, sizes and kinds
// are checked before anything is written, and the bytes are counted while they are inflated, so
// an archive that claims small sizes and expands without end (a zip bomb) is stopped at the limit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace patrol::services {

struct ZipLimits {
    int64_t maxEntries = 100;                // files and folders listed in the archive
    int64_t maxUnpackedBytes = 1LL << 30;   // all files together, once inflated
};

// Reads the archive at `archive` and writes its CSV files (at its top level or inside one
// folder) straight into `into`, named without that folder. Returns the names written, in the
// archive's order. Refuses (InvalidInput on field "file", TooLarge for the limits) a name that
// climbs out (`..`, absolute, a backslash, a drive), a symbolic link, a name given twice, a file
// that is not *.csv, files in more than one folder, an encrypted or unknown compression, a
// corrupt archive, more entries or more bytes than `limits`. On a refusal the caller removes
// `into` with whatever was written so far. `fileDone(done, total)` is told after each file.
std::vector<std::string> unpackCsvZip(const std::filesystem::path& archive, const std::string& archiveName,
                                      const std::filesystem::path& into, const ZipLimits& limits,
                                      const std::function<void(size_t, size_t)>& fileDone = {});

// Whether the first bytes of a file are those of a zip archive ("PK\3\4" or an empty archive).
bool looksLikeZip(const std::filesystem::path& file);

}  // namespace patrol::services
