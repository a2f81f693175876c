#include "core/services/finding_edit.hpp"

#include "core/domain/errors.hpp"
#include "core/domain/finding_status.hpp"
#include "core/domain/rectification_kind.hpp"
#include "core/domain/severity.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/authorization.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/record_json.hpp"
#include "core/services/repeat_problems.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/transaction.hpp"

namespace patrol::services {

using domain::FindingStatus;

namespace {

// An empty text clears an optional value; any other is checked by `parse`.
template <typename T, typename Parse>
void correctOptional(std::optional<T>& field, const std::optional<std::string>& given, Parse parse) {
    if (!given) return;
    if (given->empty()) field.reset();
    else field = parse(*given);
}

// The correction applied to `f`, every value checked as when a finding is recorded.
store::FindingRecord corrected(store::FindingRecord f, const FindingCorrection& c) {
    if (c.category) f.category = requireLine(*c.category, "问题类别", "category");
    if (c.title) f.title = requireLine(*c.title, "问题标题", "title");
    if (c.detail) f.detail = optionalText(*c.detail, "问题详情", "detail");
    if (c.severity) f.severity = domain::severities.checked(*c.severity);
    correctOptional(f.amountFen, c.amount, [](const std::string& t) { return requireAmount(t); });
    correctOptional(f.peopleCount, c.peopleCount, [](const std::string& t) { return requireCount(t, "涉及人数", "people"); });
    correctOptional(f.peopleLevel, c.peopleLevel, [](const std::string& t) { return t; });
    correctOptional(f.rectificationKind, c.rectificationKind,
                    [](const std::string& t) { return domain::rectificationKinds.checked(t); });
    return f;
}

// Once fed back, the unit has been told what was found: the record must stay what it was told.
void requireEditable(const store::FindingRecord& f) {
    const auto status = domain::findingStatuses.parse(f.status);
    if (status == FindingStatus::Suspected || status == FindingStatus::Confirmed) return;
    const std::string why = status == FindingStatus::Dismissed
                                ? "已排除的问题不会反馈给被巡察单位，无需再改"
                                : "问题已反馈给被巡察单位，内容须与反馈时一致";
    throw UserError("问题 #" + std::to_string(f.id) + " 当前状态为" + domain::findingStatuses.quoted(status) +
                    "，不能再修改：" + why + "。只有" + domain::findingStatuses.quoted(FindingStatus::Suspected) + "或" +
                    domain::findingStatuses.quoted(FindingStatus::Confirmed) + "状态的问题可以修改。");
}

// The finding's state for its audit event, rectification kind included.
Poco::JSON::Object::Ptr editJson(const store::FindingRecord& f) {
    auto o = findingJson(f);
    if (!o->has("rectification_kind")) o->set("rectification_kind", orNull(f.rectificationKind));
    return o;
}

}  // namespace

EditedFinding editFinding(store::Database& db, const Actor& actor, int64_t id, const FindingCorrection& correction) {
    store::Transaction tx(db);
    showFinding(db, actor, id);  // refuses what the actor may not see like what does not exist
    EditedFinding edit;
    edit.before = *store::findFindingById(db, id);
    requireRoundAccess(db, actor, *store::findRoundById(db, edit.before.roundId), Access::Write, "修改问题");
    requireEditable(edit.before);
    auto next = corrected(edit.before, correction);
    // A repeat link rests on the category; a new category is checked afresh below.
    if (next.category != edit.before.category) next.repeatOf.reset();
    edit.changed = jsonText(editJson(next)) != jsonText(editJson(edit.before));
    if (!edit.changed) {
        edit.after = edit.before;
        return edit;
    }
    store::updateFindingContent(db, next);
    edit.after = *store::findFindingById(db, id);
    recordChange(db, actor, "finding.edit", "finding", std::to_string(id), editJson(edit.before), editJson(edit.after));
    if (flagRepeatProblem(db, actor, id)) edit.after = *store::findFindingById(db, id);
    tx.commit();
    return edit;
}

}  // namespace patrol::services
