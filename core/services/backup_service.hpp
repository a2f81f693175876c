// Backing up a database with its evidence into a folder, checking such a folder, and restoring
// from it. A backup folder holds the database copy, its evidence folder and manifest.json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/services/actor.hpp"
#include "core/services/backup_manifest.hpp"
#include "core/services/progress.hpp"
#include "core/store/database.hpp"

namespace patrol::services {

class EvidenceStore;

// Admins only. Copies a consistent snapshot of `db` (writers elsewhere may go on) and every
// evidence file it references into the new folder `folder`, with a manifest. The folder must
// not exist or be empty; the copy is made in a hidden sibling and renamed at the end, so a
// failure leaves nothing behind. `progress`, when given, is told Copying: the database's pages,
// then the evidence files.
BackupManifest backupDatabase(store::Database& db, const Actor& actor, const EvidenceStore& evidence,
                              const std::string& folder, int busyTimeoutMs, const ProgressSink* progress = nullptr);

struct BackupCheck {
    std::optional<std::string> problem;  // the first problem found (Chinese); none when sound
    BackupManifest manifest;
    int64_t auditEvents = 0;
};

// Every file against the manifest (and no file besides), the database's integrity, its audit
// chain, its row counts, and a file for every evidence row. Reads only. UserError when the
// folder does not exist. `progress`, when given, is told Verifying: the manifest's files checked,
// then CheckingDatabase: the database's checks done (integrity, audit chain, audited rows, row
// counts and evidence).
BackupCheck verifyBackup(const std::string& folder, const ProgressSink* progress = nullptr);

struct RestoreResult {
    std::string databasePath;
    std::string evidenceFolder;
    int64_t evidenceFiles = 0;
};

// Checks the backup, then puts its database at `databasePath` (which must not exist: an
// existing database is never overwritten) and its evidence into `evidenceFolder`. The acting
// user `actorName` must be an admin of the backed-up database. `progress`, when given, is told
// as verifyBackup tells it, then Restoring: the files put in place, the database first.
RestoreResult restoreBackup(const std::string& folder, const std::string& databasePath,
                            const std::string& evidenceFolder, const std::string& actorName,
                            const ProgressSink* progress = nullptr);

}  // namespace patrol::services
