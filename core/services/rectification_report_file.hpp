// The unit's 整改情况报告 as the portal and the API hand it out: the Word document that
// `patrol report rectification --round R --unit U -o F.docx` writes, held in memory for one answer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/services/actor.hpp"
#include "core/services/settings.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

inline constexpr const char* kDocxContentType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

struct DraftedReport {
    std::string fileName;  // e.g. "R1-甲镇整改情况报告.docx"
    std::string bytes;
};

// A unit user drafts its own unit's report (`unitCode` empty or its own; any other unit reads like
// one that does not exist); anyone else must name the unit. Refused like readRectificationReport.
DraftedReport draftRectificationReportDocx(store::Database& db, const Actor& actor, const std::string& roundCode,
                                           const std::optional<std::string>& unitCode, int32_t asOf,
                                           const Settings& settings);

}  // namespace patrol::services
