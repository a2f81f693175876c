// `patrol finding edit`: correct a finding's text and figures before it is fed back.
#include <ostream>

#include "core/cli/session.hpp"
#include "core/domain/errors.hpp"
#include "core/services/finding_edit.hpp"
#include "core/services/input_checks.hpp"

namespace patrol::cli {
namespace {

const std::vector<std::string> kFields{"category", "title", "detail", "severity", "amount", "people", "people-level", "kind"};

// The names of the fields that differ, e.g. "标题、金额".
std::string changedFields(const store::FindingRecord& a, const store::FindingRecord& b) {
    const std::vector<std::pair<bool, const char*>> fields{
        {a.category != b.category, "类别"},         {a.title != b.title, "标题"},
        {a.detail != b.detail, "详情"},             {a.severity != b.severity, "严重程度"},
        {a.amountFen != b.amountFen, "金额"},       {a.peopleCount != b.peopleCount, "涉及人数"},
        {a.peopleLevel != b.peopleLevel, "人员层级"}, {a.rectificationKind != b.rectificationKind, "整改类型"}};
    std::string out;
    for (const auto& [differs, name] : fields)
        if (differs) out += (out.empty() ? "" : "、") + std::string(name);
    return out;
}

int runFindingEdit(Invocation& inv) {
    const int64_t id = services::requireId(inv.args.positional().at(0), "问题编号");
    bool any = false;
    for (const auto& name : kFields) any = any || inv.args.has(name);
    if (!any)
        throw UserError("没有给出要修改的内容：请至少给出 --title、--detail、--category、--severity、--amount、--people、"
                        "--people-level、--kind 之一。");
    auto s = openSession(inv);
    const services::FindingCorrection correction{inv.args.value("category"), inv.args.value("title"),
                                                 inv.args.value("detail"),   inv.args.value("severity"),
                                                 inv.args.value("amount"),   inv.args.value("people"),
                                                 inv.args.value("people-level"), inv.args.value("kind")};
    const auto edit = services::editFinding(s.db, s.actor, id, correction);
    if (!edit.changed) {
        inv.out << "问题 #" << id << " 的内容与给出的相同，未作修改。\n";
        return 0;
    }
    inv.out << "已修改问题 #" << id << "（" << changedFields(edit.before, edit.after) << "）：" << edit.after.title << "\n";
    return 0;
}

const Registration findingEditRegistration{CommandSpec{
    {"finding", "edit"},
    "修改一条问题的内容（只能在反馈之前，即疑似或已确认时）",
    {{"title", "TEXT", "问题标题"},
     {"detail", "TEXT", "问题详情"},
     {"category", "TEXT", "问题类别"},
     {"severity", "low|medium|high", "严重程度"},
     {"amount", "YUAN", "涉及金额（元，最多两位小数；给空值则清除）"},
     {"people", "N", "涉及人数（给空值则清除）"},
     {"people-level", "TEXT", "涉及人员层级（给空值则清除）"},
     {"kind", "immediate|deadline|long_term", "整改类型（给空值则清除）"}},
    "ID",
    1,
    1,
    "  patrol finding edit 12 --title 公务接待超标准 --amount 399.96\n  patrol finding edit 12 --amount \"\"\n",
    runFindingEdit}};

}  // namespace
}  // namespace patrol::cli
