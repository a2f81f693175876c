#include "core/services/evidence_location.hpp"

#include <filesystem>

#include "core/services/settings.hpp"
#include "core/services/workflow_settings.hpp"

namespace patrol::services {

std::string evidenceFolderOf(const std::string& databasePath) {
    return std::filesystem::path(databasePath).replace_extension(".evidence").string();
}

std::string evidenceFolder(const Settings& settings) {
    const std::string configured = settings.text("evidence.folder");
    return configured.empty() ? evidenceFolderOf(settings.databasePath()) : configured;
}

std::string legacyEvidenceFolder(const Settings& settings) {
    return (std::filesystem::path(settings.dataFolder()) / "evidence").string();
}

EvidenceStore evidenceStoreOf(const Settings& settings) {
    return EvidenceStore(evidenceFolder(settings), readWorkflowSettings(settings).evidenceMaxBytes, legacyEvidenceFolder(settings));
}

}  // namespace patrol::services
