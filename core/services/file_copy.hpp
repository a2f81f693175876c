// Copying files for backups and restores: the bytes are hashed on the way and flushed to disk
// before the copy counts as made.
#pragma once

#include <cstdint>
#include <string>

namespace patrol::services {

struct CopiedFile {
    int64_t size = 0;
    std::string sha256;
};

// Copies `from` into the new file `to` (refused if it exists). UserError naming the file on
// any read or write failure.
CopiedFile copyFileSynced(const std::string& from, const std::string& to);
// Writes `bytes` into the new file `path`.
void writeFileSynced(const std::string& path, const std::string& bytes);

}  // namespace patrol::services
