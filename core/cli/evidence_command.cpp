// `patrol evidence get`: a stored evidence file (佐证材料) given back as a file, to those who may
// see the task it proves — the same rule as the API's download.
#include <ostream>

#include "core/cli/app.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/evidence_service.hpp"
#include "core/services/workflow_settings.hpp"

namespace patrol::cli {
namespace {

int runGet(Invocation& inv) {
    auto s = openSession(inv);
    const int64_t id = positionalId(inv, "佐证材料编号");
    const std::string target = inv.args.required("o");
    const auto workflow = services::readWorkflowSettings(inv.app.settings());
    const services::EvidenceStore store(services::evidenceFolder(inv.app.settings()), workflow.evidenceMaxBytes,
                                        services::legacyEvidenceFolder(inv.app.settings()));
    const auto file = services::saveEvidenceCopy(s.db, s.actor, id, store, target,
                                                 inv.args.has("force") ? services::Overwrite::Allow : services::Overwrite::Refuse);
    inv.out << "已取出佐证材料 #" << file.record.id << "「" << file.record.originalName << "」（" << file.record.size
            << " 字节，sha256:" << file.record.sha256 << "）到 " << target << "。\n";
    return 0;
}

const Registration getRegistration{CommandSpec{
    {"evidence", "get"},
    "取出一份佐证材料（编号见 patrol task show），写到指定文件",
    {{"o", "FILE", "写到这个文件"}, {"force", "", "文件已存在时覆盖它"}},
    "ID", 1, 1,
    "  patrol evidence get 3 -o 退款凭证.pdf\n",
    runGet}};

}  // namespace
}  // namespace patrol::cli
