// `patrol finding add|list|show|attach|confirm|dismiss`: findings (问题), the proof gathered for
// them (取证) and the decisions on them.
#include <patrol/sdk/money.hpp>

#include <limits>
#include <ostream>

#include "core/cli/evidence_files.hpp"
#include "core/cli/finding_review.hpp"
#include "core/cli/record_listings.hpp"
#include "core/cli/session.hpp"
#include "core/domain/finding_status.hpp"
#include "core/domain/rectification_kind.hpp"
#include "core/domain/severity.hpp"
#include "core/services/check_recording.hpp"
#include "core/services/evidence_location.hpp"
#include "core/services/finding_attachments.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"
#include "core/services/workflow_settings.hpp"

namespace patrol::cli {
namespace {

std::string statusName(const std::string& status) {
    return domain::findingStatuses.labelOf(status);
}

// Clues do not exist to a unit user, so neither does a finding's transfer (the services decide).
bool seesClues(const services::Actor& actor) { return services::seesTransfers(actor); }

int64_t findingId(const Invocation& inv) { return services::requireId(inv.args.positional().at(0), "问题编号"); }

int runFindingAdd(Invocation& inv) {
    auto s = openSession(inv);
    services::FindingInput input{inv.args.required("round"),  inv.args.required("unit"),  inv.args.required("category"),
                                 inv.args.required("title"),  inv.args.value("detail").value_or(""),
                                 inv.args.value("severity"),  inv.args.value("amount"), inv.args.value("people"),
                                 inv.args.value("people-level"), inv.args.value("kind")};
    const auto f = services::addFinding(s.db, s.actor, input);
    inv.out << "已记录问题 #" << f.id << "（" << statusName(f.status) << "）：" << f.unitName << " " << f.title << "\n";
    return 0;
}

int runFindingList(Invocation& inv) {
    const ListingFormat format = inv.format();
    auto s = openSession(inv);
    const auto findings =
        services::listFindings(s.db, s.actor, {inv.args.value("round"), inv.args.value("unit"), inv.args.value("status")});
    printFindings(inv.out, findings, PluginNames::installed(inv.app.settings()), seesClues(s.actor), format);
    return 0;
}

int runFindingShow(Invocation& inv) {
    const ListingFormat format = inv.format();
    auto s = openSession(inv);
    const auto f = services::showFinding(s.db, s.actor, findingId(inv));
    if (format == ListingFormat::Json) {
        inv.out << services::jsonText(services::findingDetailView(s.db, s.actor, f)) << "\n";
        return 0;
    }
    const auto names = PluginNames::installed(inv.app.settings());
    inv.out << "问题编号：#" << f.id << "\n轮次：" << f.roundCode << "\n单位：" << f.unitName << "(" << f.unitCode << ")"
            << "\n类别：" << names.categoryName(f.category, f.source) << "\n标题：" << f.title
            << "\n详情：" << (f.detail.empty() ? "-" : f.detail) << "\n严重程度：" << labelOf(domain::severities, f.severity)
            << "\n金额（元）：" << (f.amountFen ? money::formatYuan(*f.amountFen) : "-")
            << "\n涉及人数：" << (f.peopleCount ? std::to_string(*f.peopleCount) : "-") << "\n人员层级："
            << f.peopleLevel.value_or("-") << "\n来源：" << names.sourceName(f.source) << "\n状态：" << statusName(f.status)
            << "\n";
    if (f.dismissedReason) inv.out << "排除理由：" << *f.dismissedReason << "\n";
    if (f.rectificationKind) inv.out << "整改类型：" << labelOf(domain::rectificationKinds, *f.rectificationKind) << "\n";
    if (f.refs != "[]") inv.out << "关联记录：" << f.refs << "\n";
    if (seesClues(s.actor)) inv.out << "已移交线索：" << (f.transferred ? "是" : "否") << "\n";
    inv.out << "记录人：" << f.createdBy << "（" << f.createdAt << "）\n";
    // Proof gathered for the finding is inspection staff's: a unit user's view has no such part.
    if (s.actor.role == domain::Role::Unit) return 0;
    if (const auto recording = services::checkRecordingOf(s.db, f.id))
        inv.out << "记录来源：" << services::describeRun(*recording) << "\n";
    const auto attachments = services::findingAttachments(s.db, s.actor, f.id);
    inv.out << "取证材料（" << attachments.size() << "）:\n";
    for (const auto& e : attachments)
        inv.out << "  #" << e.id << "  " << e.originalName << "  " << e.size << " 字节  sha256:" << e.sha256 << "  "
                << e.uploadedBy << "（" << e.uploadedAt << "）\n";
    return 0;
}

// `finding attach ID FILE...`: the files are opened (and refused) before any is read.
int runAttach(Invocation& inv) {
    const auto& words = inv.args.positional();
    const int64_t id = findingId(inv);
    auto s = openSession(inv);
    const services::EvidenceStore store = services::evidenceStoreOf(inv.app.settings());
    const EvidenceFiles files({words.begin() + 1, words.end()}, "取证材料", "FILE");
    const auto added = services::attachToFinding(s.db, s.actor, id, files.uploads(), store);
    inv.out << "已为问题 #" << id << " 添加取证材料 " << added.size() << " 份：\n";
    for (const auto& e : added) inv.out << "  #" << e.id << "  " << e.originalName << "  " << e.size << " 字节\n";
    return 0;
}

// --date of a confirmation or dismissal; the service takes today when it is absent.
std::optional<int32_t> decisionDate(Invocation& inv) {
    const auto text = inv.args.value("date");
    if (!text) return std::nullopt;
    return services::requireDate(*text, "--date");
}

int runConfirm(Invocation& inv) {
    if (isBulkReview(inv)) return runBulkReview(inv, domain::FindingEvent::Confirm);
    auto s = openSession(inv);
    const auto f = services::confirmFinding(s.db, s.actor, findingId(inv), decisionDate(inv));
    inv.out << "问题 #" << f.id << " 已确认：" << f.title << "\n";
    return 0;
}

int runDismiss(Invocation& inv) {
    if (isBulkReview(inv)) return runBulkReview(inv, domain::FindingEvent::Dismiss);
    auto s = openSession(inv);
    const auto f = services::dismissFinding(s.db, s.actor, findingId(inv), inv.args.value("reason").value_or(""),
                                             decisionDate(inv));
    inv.out << "问题 #" << f.id << " 已排除：" << f.title << "（理由：" << f.dismissedReason.value_or("") << "）\n";
    return 0;
}

const Registration findingAddRegistration{CommandSpec{
    {"finding", "add"},
    "记录一条人工发现的问题（直接为「已确认」）",
    {{"round", "CODE", "轮次编码"},
     {"unit", "CODE", "问题所在单位的编码（须是本轮巡察对象）"},
     {"category", "TEXT", "问题类别"},
     {"title", "TEXT", "问题标题"},
     {"detail", "TEXT", "问题详情"},
     {"severity", "low|medium|high", "严重程度（默认 medium）"},
     {"amount", "YUAN", "涉及金额（元，最多两位小数）"},
     {"people", "N", "涉及人数"},
     {"people-level", "TEXT", "涉及人员层级，例如 乡科级"},
     {"kind", "immediate|deadline|long_term", "整改类型（默认由反馈时决定）"}},
    "",
    0,
    0,
    "  patrol finding add --round 2026-R2 --unit QX-SQ --category 违反中央八项规定精神 --title 公务接待超标准 "
    "--amount 399.96\n",
    runFindingAdd}};

const Registration findingListRegistration{CommandSpec{{"finding", "list"},
                                    "列出问题（只列出您有权查看的）",
                                    {{"round", "CODE", "只列此轮次"},
                                     {"unit", "CODE", "只列此单位"},
                                     {"status", "STATUS", "只列此状态：suspected|confirmed|dismissed|fed_back|rectifying|rectified|closed"},
                                     formatOption()},
                                    "",
                                    0,
                                    0,
                                    "  patrol finding list --round 2026-R2 --status suspected\n",
                                    runFindingList}};

const Registration findingShowRegistration{CommandSpec{{"finding", "show"}, "显示一条问题的全部信息",
                                    {showFormatOption()}, "ID", 1, 1,
                                    "  patrol finding show 12\n", runFindingShow}};

const Registration findingAttachRegistration{CommandSpec{{"finding", "attach"},
                                      "为问题添加取证材料（照片、扫描件等；仅巡察组成员和管理员，被巡察单位看不到）",
                                      {}, "ID FILE...", 2, std::numeric_limits<size_t>::max(),
                                      "  patrol finding attach 12 现场照片.jpg 报销单扫描件.pdf\n", runAttach}};

std::vector<OptionSpec> withDecisionDate(std::vector<OptionSpec> options, const std::string& verb) {
    options.insert(options.begin(), {"date", "YYYY-MM-DD", verb + "日期（默认今天，不能晚于今天）"});
    return options;
}

std::vector<OptionSpec> withDismissReason(std::vector<OptionSpec> options) {
    options.insert(options.begin(), {"reason", "TEXT", "排除理由"});
    return options;
}

// Several numbers, or a filter, decide many findings at once (--yes when more than one).
constexpr size_t kAnyNumberOfIds = std::numeric_limits<size_t>::max();

const Registration findingConfirmRegistration{CommandSpec{{"finding", "confirm"}, "确认疑似问题：一条，多条，或按条件批量",
                                       withDecisionDate(bulkReviewOptions(), "确认"), "ID...", 0, kAnyNumberOfIds,
                                       "  patrol finding confirm 12\n  patrol finding confirm 12 13 14 --yes\n"
                                       "  patrol finding confirm --round 2026-R2 --rule FS-05 --yes\n",
                                       runConfirm}};

const Registration findingDismissRegistration{CommandSpec{{"finding", "dismiss"}, "排除疑似问题（须写明理由）：一条，多条，或按条件批量",
                                       withDismissReason(withDecisionDate(bulkReviewOptions(), "排除")), "ID...", 0, kAnyNumberOfIds,
                                       "  patrol finding dismiss 12 --reason 经核实为正常业务往来\n"
                                       "  patrol finding dismiss --round 2026-R2 --unit QX-SQ --rule FS-05 --reason "
                                       "公务用车审批单齐全 --yes\n",
                                       runDismiss}};

}  // namespace
}  // namespace patrol::cli
