// Zip archives written byte by byte for the tests of zip uploads, honest ones and hostile ones:
// names that climb out, symbolic links, sizes that lie (zip bombs). Deflate and CRC-32 from zlib.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::testing {

struct ZipEntry {
    std::string name;
    std::string content;
    bool deflate = true;
    uint32_t unixMode = 0100644;                 // 0120777 makes a symbolic link to `content`
    std::optional<uint32_t> declaredSize = {};   // the uncompressed size the archive claims (none: the true one)
};

std::string zipArchive(const std::vector<ZipEntry>& entries);

}  // namespace patrol::testing
