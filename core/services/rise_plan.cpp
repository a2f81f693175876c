#include "core/services/rise_plan.hpp"

#include <patrol/sdk/civil.hpp>

#include <future>
#include <iterator>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>

#include "core/services/authorization.hpp"
#include "core/services/escalation_notice.hpp"
#include "core/store/database.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::services {

namespace {

using UnitsByCode = std::unordered_map<std::string, store::UnitRecord>;

// Below this many task ids a second thread saves next to nothing (planning 1,024 tasks is a few
// milliseconds).
constexpr int64_t kIdsWorthSplitting = 1024;

// The rises among the open tasks whose ids are in [from, below) (an absent end is open), in id order.
std::vector<LevelRise> risesAmong(store::Database& db, const Actor& actor, int32_t asOf, const UnitsByCode& units,
                                  std::optional<int64_t> from, std::optional<int64_t> below) {
    std::unordered_map<int64_t, bool> onTeam;  // an inspector's rounds, asked once each
    const std::string asOfText = civil::formatDate(asOf);
    store::TaskQuery open;
    open.openOnly = true;
    open.idFrom = from;
    open.idBelow = below;
    // Reserved for every open task (a hint: another writer may add one meanwhile), so the rises are
    // not moved while the list grows; the tasks are taken one at a time rather than listed first,
    // which held a second copy of the whole list.
    std::vector<LevelRise> rises;
    rises.reserve(static_cast<size_t>(store::countTasks(db, open)));
    store::forEachTask(db, open, [&](store::TaskRecord&& task) {
        if (actor.role == domain::Role::Inspector) {
            auto [known, fresh] = onTeam.try_emplace(task.roundId, false);
            if (fresh) known->second = isRoundInspector(db, actor, task.roundId);
            if (!known->second) return;
        }
        const auto current = domain::escalationLevels.parse(task.level);
        const int32_t due = *civil::parseDate(task.dueDate);
        const auto raised =
            domain::raisedLevel(current, domain::deservedLevel(due, asOf, static_cast<int>(task.returnedCount)));
        if (raised == current) return;
        store::TaskRecord& after = task;
        after.level = std::string(domain::escalationLevels.code(raised));
        const auto unit = units.find(after.unitCode);
        const bool known = unit != units.end();
        const Addressees addressees = addresseesFor(raised, {after.handler, after.leader,
                                                             known ? unit->second.head : std::nullopt,
                                                             known ? unit->second.contact : std::nullopt});
        LevelRise& rise = rises.emplace_back();
        rise.from = current;
        rise.to = raised;
        rise.daysLeft = due - asOf;
        rise.recipients = addressees.recipients;
        store::NoticeRecord& n = rise.notice;
        n.taskId = after.id;
        n.level = after.level;
        n.recipients = recipientsJson(rise.recipients);
        n.message = escalationNoticeMessage(after, raised, rise.daysLeft, addressees);
        n.asOf = asOfText;
        n.findingId = after.findingId;
        n.roundId = after.roundId;
        n.roundCode = after.roundCode;
        n.unitId = after.unitId;
        n.unitCode = after.unitCode;
        n.unitName = std::move(after.unitName);
        rise.task = risenTask(std::move(after));  // the rest of the row is not needed again
    });
    return rises;
}

int64_t dataVersion(store::Database& db) { return db.pragma("data_version"); }

}  // namespace

bool isCurrent(store::Database& db, const RisePlan& plan) { return dataVersion(db) == plan.dataVersion; }

RisePlan planRises(store::Database& db, store::Database* helper, const Actor& actor, int32_t asOf) {
    RisePlan plan;
    plan.dataVersion = dataVersion(db);
    UnitsByCode units;
    for (auto& u : store::listUnits(db)) units.emplace(u.code, std::move(u));
    const auto ids = helper ? store::taskIdBounds(db) : std::nullopt;
    std::future<std::vector<LevelRise>> upper;
    std::optional<int64_t> middle;
    if (ids && ids->second - ids->first >= kIdsWorthSplitting) {
        // Two halves by id, the upper one on the second core: reading the tasks and wording their
        // notices was a quarter of a one-off escalate of 50,000 tasks.
        middle = ids->first + (ids->second - ids->first) / 2;
        try {
            upper = std::async(std::launch::async, [&] { return risesAmong(*helper, actor, asOf, units, middle, std::nullopt); });
        } catch (const std::system_error&) {  // no thread to be had: all of them here
            middle.reset();
        }
    }
    plan.rises = risesAmong(db, actor, asOf, units, std::nullopt, middle);
    if (upper.valid()) {
        auto rest = upper.get();
        plan.rises.insert(plan.rises.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
    }
    return plan;
}

}  // namespace patrol::services
