// Where a database's evidence files live: with the database, so that copying the database's
// folder copies its evidence too.
#pragma once

#include <string>

#include "core/services/evidence_store.hpp"

namespace patrol::services {

class Settings;

// "<file name without extension>.evidence" next to the database file: patrol.db -> patrol.evidence.
std::string evidenceFolderOf(const std::string& databasePath);
// The setting evidence.folder when given, else the folder next to database.path.
std::string evidenceFolder(const Settings& settings);
// Where earlier versions kept every database's evidence: <data.folder>/evidence (read only).
std::string legacyEvidenceFolder(const Settings& settings);
// The evidence store these settings name: its folder, the size limit evidence.max_bytes, and
// the legacy folder it still reads from.
EvidenceStore evidenceStoreOf(const Settings& settings);

}  // namespace patrol::services
