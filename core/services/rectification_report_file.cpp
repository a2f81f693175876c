#include "core/services/rectification_report_file.hpp"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/domain/errors.hpp"
#include "core/domain/role.hpp"
#include "core/services/category_names.hpp"
#include "core/services/rectification_report.hpp"
#include "core/services/report_document.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::services {
namespace {

// The unit whose report is drafted: a unit user's own unless it names another.
std::string unitOfReport(store::Database& db, const Actor& actor, const std::optional<std::string>& unitCode) {
    if (unitCode && !unitCode->empty()) return *unitCode;
    if (actor.role == domain::Role::Unit && actor.unitId)
        if (const auto unit = store::findUnitById(db, *actor.unitId)) return unit->code;
    throw InvalidInput("unit", "单位编码（unit）", "不能为空：请给出要起草整改情况报告的单位，例如 unit=QX-HT。");
}

// A private folder for the one file the document writer produces, removed whatever happens.
class ScratchFolder {
public:
    ScratchFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "patrol-report-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw UserError("无法创建临时目录来起草整改情况报告。请检查临时目录的权限和磁盘空间。");
        path_ = pattern;
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace

DraftedReport draftRectificationReportDocx(store::Database& db, const Actor& actor, const std::string& roundCode,
                                           const std::optional<std::string>& unitCode, int32_t asOf,
                                           const Settings& settings) {
    const auto report = readRectificationReport(db, actor, roundCode, unitOfReport(db, actor, unitCode), asOf,
                                                readWorkflowSettings(settings));
    const auto markdown =
        rectificationReportMarkdown(report, CategoryNames::installed(settings), settings.text("report.templates"));
    const ScratchFolder scratch;
    const auto file = scratch.path() / "report.docx";
    writeReportDocument(markdown, file);
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return {report.round.code + "-" + report.unit.name + "整改情况报告.docx", bytes.str()};
}

}  // namespace patrol::services
