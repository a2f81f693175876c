// Files that must survive a power cut once acknowledged (backups, restores, evidence): written
// into a new file private to its owner (0600), hashed on the way where it matters, flushed to
// disk before they count as made; and the folders that hold them, private (0700) and flushed
// after a file is renamed into them.
#pragma once

#include <cstdint>
#include <filesystem>
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

// A new file (refused if it exists), owner-only, written piece by piece and flushed by
// finish(). Closed, not removed, when dropped unfinished: the caller owns the path.
class NewSyncedFile {
public:
    explicit NewSyncedFile(std::string path);
    ~NewSyncedFile();
    NewSyncedFile(const NewSyncedFile&) = delete;
    NewSyncedFile& operator=(const NewSyncedFile&) = delete;
    void write(const char* data, size_t size);
    void finish();  // fsync + close

private:
    std::string path_;
    int fd_ = -1;
};

// Creates the missing folders of `folder`, each owner-only (0700); existing ones are left as
// they are. Returns the error of the first that could not be made.
std::error_code createPrivateFolders(const std::filesystem::path& folder);
// Flushes a folder's entries (a file renamed into it) to disk. UserError naming it on failure.
void syncFolder(const std::filesystem::path& folder);

}  // namespace patrol::services
