// `patrol evidence gc [--dry-run]`: removes stored evidence files no record refers to and the
// temporaries of uploads that were killed, and says what went.
#include <ostream>

#include "core/cli/session.hpp"
#include "core/services/evidence_gc.hpp"
#include "core/services/evidence_location.hpp"

namespace patrol::cli {
namespace {

int64_t bytesOf(const std::vector<services::SweptFile>& files) {
    int64_t bytes = 0;
    for (const auto& f : files) bytes += f.bytes;
    return bytes;
}

int runEvidenceGc(Invocation& inv) {
    auto s = openSession(inv);
    const auto& settings = inv.app.settings();
    const services::EvidenceStore evidence(services::evidenceFolder(settings), 0);
    const bool dryRun = inv.args.has("dry-run");
    const auto garbage = services::collectEvidenceGarbage(s.db, s.actor, evidence, dryRun);
    inv.out << "佐证材料目录 " << evidence.folder() << "：" << (dryRun ? "将删除 " : "已删除 ") << garbage.unreferenced.size()
            << " 个没有任何记录引用的文件（" << bytesOf(garbage.unreferenced) << " 字节）、" << garbage.abandoned.size()
            << " 个中断的上传留下的临时文件（" << bytesOf(garbage.abandoned) << " 字节）。\n";
    if (garbage.recentKept > 0)
        inv.out << "另有 " << garbage.recentKept << " 个未被引用的文件是 " << services::kEvidenceGrace.count()
                << " 分钟内放入的，可能属于正在进行的上传，已保留。\n";
    if (dryRun)
        for (const auto* list : {&garbage.unreferenced, &garbage.abandoned})
            for (const auto& f : *list) inv.out << "  " << f.path << "（" << f.bytes << " 字节）\n";
    return 0;
}

const Registration evidenceGc{CommandSpec{
    {"evidence", "gc"},
    "清理佐证材料目录：删除没有任何记录引用的文件和中断的上传留下的临时文件（仅管理员）",
    {{"dry-run", "", "只列出将删除的文件，不删除"}},
    "",
    0,
    0,
    "  patrol evidence gc --dry-run\n  patrol evidence gc\n",
    runEvidenceGc}};

}  // namespace
}  // namespace patrol::cli
