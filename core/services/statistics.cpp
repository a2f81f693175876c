#include "core/services/statistics.hpp"

#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/domain/errors.hpp"
#include "core/domain/finding_status.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"
#include "core/services/round_service.hpp"
#include "core/services/stored_day.hpp"
#include "core/services/task_service.hpp"

namespace patrol::services {

using domain::EscalationLevel;
using domain::FindingStatus;

namespace {

bool everyRound(const StatisticsQuery& query) { return query.roundCodes.empty() && !query.from && !query.to; }

// The rounds counted: those named (each once), or every round the actor may see, that meet the
// period; by start date.
std::vector<store::RoundRecord> roundsInScope(store::Database& db, const Actor& actor, const StatisticsQuery& query) {
    std::vector<store::RoundRecord> rounds;
    if (query.roundCodes.empty()) {
        rounds = listRounds(db, actor);
    } else {
        std::set<std::string> seen;
        for (const auto& code : query.roundCodes)
            if (seen.insert(code).second) rounds.push_back(requireVisibleRound(db, actor, code));
    }
    std::erase_if(rounds, [&](const store::RoundRecord& r) {
        return (query.to && dayOf(r.startDate) > *query.to) || (query.from && dayOf(r.endDate) < *query.from);
    });
    std::stable_sort(rounds.begin(), rounds.end(), [](const auto& a, const auto& b) {
        return a.startDate != b.startDate ? a.startDate < b.startDate : a.code < b.code;
    });
    return rounds;
}

// Reads per round when rounds are named, else once for the whole county.
template <typename Read>
auto readInScope(const StatisticsQuery& query, const std::vector<store::RoundRecord>& rounds, Read read) {
    if (everyRound(query)) return read(std::optional<std::string>());
    decltype(read(std::optional<std::string>())) all;
    for (const auto& r : rounds) {
        auto some = read(std::optional<std::string>(r.code));
        all.insert(all.end(), std::make_move_iterator(some.begin()), std::make_move_iterator(some.end()));
    }
    return all;
}

void countColours(Statistics& s, const std::vector<store::TaskRecord>& tasks) {
    std::map<std::string, ColourCounts> byUnit;
    for (const auto& t : tasks) {
        if (!taskOpenOn(t, s.asOf)) continue;
        const auto level = taskLevelOn(t, s.asOf);
        auto& unit = byUnit[t.unitCode];
        unit.unitCode = t.unitCode;
        unit.unitName = t.unitName;
        unit.byLevel[static_cast<int>(level)] += 1;
        s.colourTotal.byLevel[static_cast<int>(level)] += 1;
        const int32_t due = dayOf(t.dueDate);
        if (due < s.asOf) s.overdue.push_back({t, level, s.asOf - due});
    }
    for (auto& [code, counts] : byUnit) s.colours.push_back(std::move(counts));
    std::stable_sort(s.overdue.begin(), s.overdue.end(), [](const OverdueTask& a, const OverdueTask& b) {
        return a.daysOverdue != b.daysOverdue ? a.daysOverdue > b.daysOverdue : a.task.id < b.task.id;
    });
}

// A finding counts as fed back on asOf once its tasks were assigned (the feedback date) by then,
// and as rectified once every one of its tasks was accepted by then.
void countRectification(Statistics& s, const std::vector<store::RoundRecord>& rounds,
                        const std::vector<store::FindingRecord>& findings, const std::vector<store::TaskRecord>& tasks) {
    std::map<int64_t, std::vector<const store::TaskRecord*>> tasksOf;
    for (const auto& t : tasks) tasksOf[t.findingId].push_back(&t);
    std::map<std::string, RectificationFigures> byRound;
    for (const auto& r : rounds) byRound[r.code] = {r.code, r.title, 0, 0};
    for (const auto& f : findings) {
        const auto state = rectificationStateOn(f, tasksOf[f.id], s.asOf);
        if (state == RectificationState::NotFedBack) continue;
        for (auto* figures : {&byRound[f.roundCode], &s.rectificationTotal}) {
            figures->fedBack += 1;
            figures->rectified += state == RectificationState::Rectified ? 1 : 0;
        }
    }
    for (const auto& r : rounds) s.rectification.push_back(byRound[r.code]);
}

void countCategories(Statistics& s, const std::vector<store::FindingRecord>& findings, const CategoryNames& names) {
    std::map<std::string, CategoryFigures> byCategory;
    for (const auto& f : findings) {
        if (!isFoundFinding(f.status)) continue;
        auto& c = byCategory[f.category];
        if (c.category.empty()) c = {f.category, names.categoryName(f.category, f.source), 0, 0};
        c.findings += 1;
        c.amountFen += f.amountFen.value_or(0);
    }
    for (auto& [code, figures] : byCategory) s.categories.push_back(std::move(figures));
    std::stable_sort(s.categories.begin(), s.categories.end(),
                     [](const CategoryFigures& a, const CategoryFigures& b) { return a.findings > b.findings; });
}

Poco::Dynamic::Var rateOrNull(const RectificationFigures& f) {
    const auto permille = f.ratePermille();
    return permille ? Poco::Dynamic::Var(JsonNumber{permilleText(*permille)}) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr colourView(const ColourCounts& c, bool withUnit) {
    auto o = jsonObject();
    if (withUnit) {
        o->set("unit", c.unitCode);
        o->set("unit_name", c.unitName);
    }
    for (const auto& term : domain::escalationLevels.terms())
        o->set(std::string(term.code), c.byLevel[static_cast<int>(term.value)]);
    o->set("open", c.open());
    return o;
}

Poco::JSON::Object::Ptr rectificationView(const RectificationFigures& f, bool withRound) {
    auto o = jsonObject();
    if (withRound) {
        o->set("round", f.roundCode);
        o->set("title", f.roundTitle);
    }
    o->set("fed_back", f.fedBack);
    o->set("rectified", f.rectified);
    o->set("rate", rateOrNull(f));
    return o;
}

Poco::JSON::Object::Ptr clueFiguresView(const ClueFigures& f) {
    auto o = jsonObject();
    o->set("receiver", f.receiver);
    o->set("clues", f.clues);
    o->set("people", f.people);
    o->set("concluded", f.concluded);
    RectificationFigures asRate{"", "", f.clues, f.concluded};
    o->set("closure_rate", rateOrNull(asRate));
    for (int k = 0; k < 4; ++k) o->set("f" + std::to_string(k + 1), f.formCounts[k]);
    o->set("sanctioned_people", f.sanctionedPeople);
    o->set("referred", f.referred);
    o->set("recovered", moneyNumber(f.recoveredFen));
    return o;
}

}  // namespace

void requirePeriod(const std::optional<int32_t>& from, const std::optional<int32_t>& to) {
    if (from && to && *from > *to)
        throw InvalidInput("from", "统计期间", "的开始日期 " + civil::formatDate(*from) + " 晚于结束日期（--to）" +
                                                  civil::formatDate(*to) + "。请把开始日期写在前、结束日期写在后。");
}

std::optional<int64_t> RectificationFigures::ratePermille() const {
    if (fedBack <= 0) return std::nullopt;
    return (rectified * 2000 + fedBack) / (2 * fedBack);
}

bool taskOpenOn(const store::TaskRecord& task, int32_t day) {
    if (dayOf(task.assignedOn) > day) return false;
    return !(task.acceptedOn && dayOf(*task.acceptedOn) <= day);
}

EscalationLevel taskLevelOn(const store::TaskRecord& task, int32_t day) {
    if (!taskOpenOn(task, day)) return EscalationLevel::None;
    return domain::deservedLevel(dayOf(task.dueDate), day, static_cast<int>(task.returnedCount));
}

RectificationState rectificationStateOn(const store::FindingRecord& finding,
                                        const std::vector<const store::TaskRecord*>& tasks, int32_t day) {
    const auto status = domain::findingStatuses.parse(finding.status);
    const bool fedBackStatus = status == FindingStatus::FedBack || status == FindingStatus::Rectifying ||
                               status == FindingStatus::Rectified || status == FindingStatus::Closed;
    if (!fedBackStatus || tasks.empty()) return RectificationState::NotFedBack;
    bool fedBack = false, allAccepted = true;
    for (const auto* t : tasks) {
        fedBack = fedBack || dayOf(t->assignedOn) <= day;
        allAccepted = allAccepted && t->acceptedOn && dayOf(*t->acceptedOn) <= day;
    }
    if (!fedBack) return RectificationState::NotFedBack;
    return allAccepted ? RectificationState::Rectified : RectificationState::FedBack;
}

bool isFoundFinding(const std::string& status) {
    const auto s = domain::findingStatuses.find(status);
    return s && *s != FindingStatus::Suspected && *s != FindingStatus::Dismissed;
}

StatisticsRecords readStatisticsRecords(store::Database& db, const Actor& actor, const StatisticsQuery& query,
                                        const ProgressSink* progress) {
    const uint64_t kinds = actor.role != domain::Role::Unit ? 4 : 3;
    const auto read = [&](uint64_t done) { tell(progress, WorkPhase::Reading, done, kinds, WorkItems::RecordKinds); };
    StatisticsRecords records;
    read(0);
    records.rounds = roundsInScope(db, actor, query);
    read(1);
    records.tasks = readInScope(query, records.rounds, [&](const std::optional<std::string>& round) {
        TaskFilter filter;
        filter.roundCode = round;
        filter.unitCode = query.unitCode;
        filter.asOf = query.asOf;
        return listTasks(db, actor, filter);
    });
    read(2);
    records.findings = readInScope(query, records.rounds, [&](const std::optional<std::string>& round) {
        return listFindings(db, actor, {round, query.unitCode, std::nullopt});
    });
    read(3);
    if (actor.role != domain::Role::Unit) {
        auto clues = readInScope(query, records.rounds, [&](const std::optional<std::string>& round) {
            return listClues(db, actor, round);
        });
        if (query.unitCode) std::erase_if(clues, [&](const ClueView& v) { return v.clue.unitCode != *query.unitCode; });
        records.clues = std::move(clues);
        read(4);
    }
    return records;
}

Statistics statisticsOf(const StatisticsRecords& records, const StatisticsQuery& query, const CategoryNames& names) {
    Statistics s;
    s.asOf = query.asOf;
    s.unitCode = query.unitCode;
    s.from = query.from;
    s.to = query.to;
    for (const auto& r : records.rounds) s.roundCodes.push_back(r.code);
    countColours(s, records.tasks);
    countRectification(s, records.rounds, records.findings, records.tasks);
    countCategories(s, records.findings, names);
    if (records.clues) s.clues = clueFiguresOf(*records.clues);
    return s;
}

Statistics computeStatistics(store::Database& db, const Actor& actor, const StatisticsQuery& query,
                             const CategoryNames& names, const ProgressSink* progress) {
    return statisticsOf(readStatisticsRecords(db, actor, query, progress), query, names);
}

std::string permilleText(int64_t permille) {
    return std::to_string(permille / 10) + "." + std::to_string(permille % 10);
}

Poco::JSON::Object::Ptr statisticsView(const Statistics& s) {
    auto o = jsonObject();
    o->set("as_of", civil::formatDate(s.asOf));
    Poco::JSON::Array::Ptr rounds = new Poco::JSON::Array;
    for (const auto& code : s.roundCodes) rounds->add(code);
    o->set("rounds", rounds);
    o->set("unit", orNull(s.unitCode));
    o->set("from", s.from ? Poco::Dynamic::Var(civil::formatDate(*s.from)) : Poco::Dynamic::Var());
    o->set("to", s.to ? Poco::Dynamic::Var(civil::formatDate(*s.to)) : Poco::Dynamic::Var());

    auto colours = jsonObject();
    Poco::JSON::Array::Ptr units = new Poco::JSON::Array;
    for (const auto& c : s.colours) units->add(colourView(c, true));
    colours->set("units", units);
    colours->set("total", colourView(s.colourTotal, false));
    o->set("colours", colours);

    Poco::JSON::Array::Ptr overdue = new Poco::JSON::Array;
    for (const auto& d : s.overdue) {
        auto t = jsonObject();
        t->set("task_id", d.task.id);
        t->set("finding_id", d.task.findingId);
        t->set("round", d.task.roundCode);
        t->set("unit", d.task.unitCode);
        t->set("unit_name", d.task.unitName);
        t->set("title", d.task.findingTitle);
        t->set("due", d.task.dueDate);
        t->set("days_overdue", d.daysOverdue);
        t->set("level", std::string(domain::escalationLevels.code(d.level)));
        t->set("handler", orNull(d.task.handler));
        t->set("leader", orNull(d.task.leader));
        overdue->add(t);
    }
    o->set("overdue", overdue);

    auto rectification = jsonObject();
    Poco::JSON::Array::Ptr perRound = new Poco::JSON::Array;
    for (const auto& r : s.rectification) perRound->add(rectificationView(r, true));
    rectification->set("rounds", perRound);
    rectification->set("total", rectificationView(s.rectificationTotal, false));
    o->set("rectification", rectification);

    Poco::JSON::Array::Ptr categories = new Poco::JSON::Array;
    for (const auto& c : s.categories) {
        auto v = jsonObject();
        v->set("category", c.category);
        v->set("name", c.name);
        v->set("findings", c.findings);
        v->set("amount", moneyNumber(c.amountFen));
        categories->add(v);
    }
    o->set("categories", categories);

    if (s.clues) {
        Poco::JSON::Array::Ptr clues = new Poco::JSON::Array;
        for (const auto& f : *s.clues) clues->add(clueFiguresView(f));
        o->set("clues", clues);
    } else {
        o->set("clues", Poco::Dynamic::Var());
    }
    return o;
}

}  // namespace patrol::services
