// The manifest.json of a backup folder: what was copied, from where, and the SHA-256 and size
// of every file, so a copy can be checked long after it was made.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace patrol::services {

inline constexpr const char* kManifestName = "manifest.json";

struct ManifestFile {
    std::string path;  // relative to the backup folder, '/'-separated
    int64_t size = 0;
    std::string sha256;
};

struct BackupManifest {
    std::string createdAt;       // UTC
    std::string createdBy;       // the acting user
    std::string source;          // the database file that was copied
    int schemaVersion = 0;
    std::string database;        // file name of the database copy, e.g. patrol.db
    std::string evidenceFolder;  // folder name of the evidence copies, e.g. patrol.evidence
    std::map<std::string, int64_t> tableRows;
    int64_t evidenceRows = 0;
    int64_t evidenceFiles = 0;
    std::vector<ManifestFile> files;  // the database first, then every evidence file
};

// The manifest's entry for the database copy; UserError when it has none.
const ManifestFile& databaseEntry(const BackupManifest& manifest);

std::string manifestText(const BackupManifest& manifest);
// UserError (Chinese, naming what is wrong) when the text is not a patrol backup manifest.
BackupManifest parseManifest(const std::string& text);

}  // namespace patrol::services
