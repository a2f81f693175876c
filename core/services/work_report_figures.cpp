#include "core/services/work_report_figures.hpp"

#include <patrol/sdk/civil.hpp>
#include <patrol/sdk/money.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/domain/errors.hpp"
#include "core/domain/finding_status.hpp"
#include "core/domain/round_kind.hpp"
#include "core/domain/unit_kind.hpp"
#include "core/services/authorization.hpp"
#include "core/services/feedback.hpp"
#include "core/services/round_service.hpp"
#include "core/services/stored_day.hpp"
#include "core/services/unit_service.hpp"
#include "core/store/round_membership_repository.hpp"

namespace patrol::services {

using domain::EscalationLevel;
using domain::FindingStatus;

namespace {

struct FigureName {
    const char* name;
    const char* label;
};

// Report order; `report explain` documents these names.
const FigureName kFigures[] = {
    {"rounds", "开展巡察（轮）"},
    {"units_covered", "巡察覆盖单位（个）"},
    {"findings", "发现问题（个）"},
    {"four_styles", "四风问题（个）"},
    {"clues_transferred", "移交问题线索（件）"},
    {"clue_people", "线索涉及人员（人）"},
    {"clues_closed", "线索办结（件）"},
    {"four_forms", "四种形态（人次）"},
    {"sanctioned_people", "党纪政务处分（人）"},
    {"money_recovered", "追缴挽回（元）"},
    {"fed_back", "已反馈问题（个）"},
    {"rectified", "已整改问题（个）"},
    {"overdue_tasks", "逾期整改任务（项）"},
    {"repeat_findings", "屡查屡犯问题（个）"},
    {"lookback_findings", "回头看发现问题（个）"},
};

std::string roundNote(const store::RoundRecord& r) {
    return r.title + "，" + std::string(domain::roundKinds.labelOf(r.kind)) + "，" + r.startDate + " 至 " + r.endDate +
           (r.term ? "，" + *r.term : "");
}

std::string findingRecord(int64_t id) { return "问题 " + std::to_string(id); }
std::string findingNote(const store::FindingRecord& f, const CategoryNames& names) {
    return f.roundCode + " " + f.unitName + "，" + names.categoryName(f.category, f.source) + "：" + f.title;
}

// The rounds of the term that meet the period, by start date; the others of those the actor
// sees are the excluded records of the `rounds` figure.
std::vector<store::RoundRecord> roundsCounted(store::Database& db, const Actor& actor, const WorkReportQuery& q,
                                              FigureTrace& trace) {
    std::vector<store::RoundRecord> counted;
    for (auto& r : listRounds(db, actor)) {
        const std::string record = "轮次 " + r.code;
        if (dayOf(r.startDate) > q.to || dayOf(r.endDate) < q.from)
            trace.excluded.push_back({record, "起止日期 " + r.startDate + " 至 " + r.endDate + " 不在统计期间内"});
        else if (q.term && r.term != q.term)
            trace.excluded.push_back({record, "届次为" + r.term.value_or("（未填）") + "，不是" + *q.term});
        else
            counted.push_back(std::move(r));
    }
    std::stable_sort(counted.begin(), counted.end(), [](const auto& a, const auto& b) {
        return a.startDate != b.startDate ? a.startDate < b.startDate : a.code < b.code;
    });
    for (const auto& r : counted) trace.counted.push_back({"轮次 " + r.code, roundNote(r)});
    return counted;
}

StatisticsRecords recordsOf(store::Database& db, const Actor& actor, const WorkReportQuery& q,
                            const std::vector<store::RoundRecord>& rounds, const ProgressSink* progress) {
    if (rounds.empty()) {
        StatisticsRecords none;
        none.clues.emplace();
        return none;
    }
    StatisticsQuery sq;
    for (const auto& r : rounds) sq.roundCodes.push_back(r.code);
    sq.from = q.from;
    sq.to = q.to;
    sq.asOf = q.asOf;
    return readStatisticsRecords(db, actor, sq, progress);
}

void countRounds(WorkReportFigures& w, const std::vector<store::RoundRecord>& rounds) {
    for (const auto& term : domain::roundKinds.terms()) {
        KindCount k{std::string(term.label), 0, 0};
        for (const auto& r : rounds) k.count += r.kind == term.code ? 1 : 0;
        if (k.count > 0) w.roundsByKind.push_back(k);
    }
    w.rounds = static_cast<int64_t>(rounds.size());
    std::set<std::string> terms;
    for (const auto& r : rounds) terms.insert(r.term.value_or(""));
    if (w.query.term) w.termLabel = *w.query.term;
    else if (terms.size() == 1) w.termLabel = *terms.begin();
}

void countUnits(WorkReportFigures& w, store::Database& db, const Actor& actor,
                const std::vector<store::RoundRecord>& rounds, FigureTrace& trace) {
    std::map<std::string, std::vector<std::string>> roundsOf;  // unit code -> rounds inspecting it
    for (const auto& r : rounds)
        for (const auto& u : store::roundTargets(db, r.id)) roundsOf[u.code].push_back(r.code);
    const auto units = listUnits(db, actor);
    // Units of kind "other" (the county itself, offices that are not inspected) are not owed an
    // inspection: the coverage rate leaves them out, whether a round visited them or not.
    const auto owed = [](const store::UnitRecord& u) { return u.kind != domain::unitKinds.code(domain::UnitKind::Other); };
    for (const auto& term : domain::unitKinds.terms()) {
        if (term.value == domain::UnitKind::Other) continue;
        KindCount k{std::string(term.label), 0, 0};
        for (const auto& u : units) {
            if (u.kind != term.code) continue;
            k.total += 1;
            k.count += roundsOf.count(u.code) ? 1 : 0;
        }
        w.unitsByKind.push_back(k);
        w.unitsCovered += k.count;
        w.unitsTotal += k.total;
        if (term.value == domain::UnitKind::Township) w.townships = k.count;
        if (term.value == domain::UnitKind::Department) w.departments = k.count;
        if (term.value == domain::UnitKind::Village || term.value == domain::UnitKind::Community) w.villages += k.count;
    }
    for (const auto& u : units) {
        const std::string record = "单位 " + u.code;
        const std::string what = u.name + "，" + domain::unitKinds.labelOf(u.kind);
        const auto it = roundsOf.find(u.code);
        if (!owed(u)) {
            trace.excluded.push_back({record, what + "：这类单位不计入巡察覆盖率"});
            continue;
        }
        if (it == roundsOf.end()) {
            trace.excluded.push_back({record, what + "：统计的轮次没有巡察这个单位"});
            continue;
        }
        std::string list;
        for (const auto& code : it->second) list += (list.empty() ? "" : "、") + code;
        trace.counted.push_back({record, what + "，巡察轮次 " + list});
    }
}

void countFindings(WorkReportFigures& w, const StatisticsRecords& records, const CategoryNames& names,
                   FigureTrace& found, FigureTrace& fourStyles, FigureTrace& repeats, FigureTrace& lookback) {
    std::map<std::pair<std::string, std::string>, int64_t> buckets;
    std::map<std::string, const store::RoundRecord*> roundOf;
    for (const auto& r : records.rounds) roundOf[r.code] = &r;
    std::map<std::string, LookbackResult> lookbacks;
    for (const auto& r : records.rounds)
        if (r.kind == "lookback") lookbacks[r.code] = {r.code, r.title, r.lookbackOfCode.value_or(""), 0, 0};
    for (const auto& f : records.findings) {
        const std::string record = findingRecord(f.id);
        const std::string note = findingNote(f, names);
        if (!isFoundFinding(f.status)) {
            const bool dismissed = f.status == domain::findingStatuses.code(FindingStatus::Dismissed);
            const std::string why = dismissed ? "已排除：" + f.dismissedReason.value_or("（未写理由）")
                                              : "疑似问题，尚未人工确认";
            found.excluded.push_back({record, note + "（" + why + "）"});
            continue;
        }
        w.findings += 1;
        found.counted.push_back({record, note});
        const std::string bucket = names.categoryBucket(f.category, f.source);
        if (!bucket.empty()) {
            buckets[{names.categoryGroup(f.category, f.source), bucket}] += 1;
            fourStyles.counted.push_back({record, note});
        }
        if (f.repeatOf) {
            w.repeatFindings += 1;
            repeats.counted.push_back({record, note + "（与问题 " + std::to_string(*f.repeatOf) + " 屡查屡犯）"});
        }
        if (const auto it = lookbacks.find(f.roundCode); it != lookbacks.end()) {
            it->second.findings += 1;
            it->second.repeats += f.repeatOf ? 1 : 0;
            lookback.counted.push_back({record, note});
        }
    }
    for (const auto& [key, n] : buckets) w.fourStyles.push_back({key.first, key.second, n});
    for (const auto& r : records.rounds)
        if (const auto it = lookbacks.find(r.code); it != lookbacks.end()) w.lookbacks.push_back(it->second);
}

void traceClues(const StatisticsRecords& records, FigureTrace& transferred, FigureTrace& people, FigureTrace& closed,
                FigureTrace& forms, FigureTrace& sanctioned, FigureTrace& money) {
    if (!records.clues) return;
    std::map<std::string, int64_t> firstClueOf, firstSanctionOf;
    for (const auto& v : *records.clues) {
        const std::string record = "线索 " + std::to_string(v.clue.id);
        const std::string note = "问题 " + std::to_string(v.clue.findingId) + "，" + v.clue.unitName + "，移交" +
                                 domain::receivingBodies.labelOf(v.clue.receiver) + "，" + v.clue.transferredOn;
        transferred.counted.push_back({record, note});
        if (v.status == domain::ClueStatus::Concluded)
            closed.counted.push_back({record, note});
        else
            closed.excluded.push_back({record, note + "（" + std::string(domain::clueStatuses.label(v.status)) + "，尚未办结）"});
        for (const auto& o : v.outcomes) {
            const std::string who = "人员 " + o.person;
            const std::string where = "（" + record + "）";
            if (firstClueOf.emplace(o.person, v.clue.id).second)
                people.counted.push_back({who, record});
            else
                people.excluded.push_back({who + where, "已在线索 " + std::to_string(firstClueOf[o.person]) + " 计入，每人只计一次"});
            if (o.form)
                forms.counted.push_back({who + where, domain::disciplineForms.labelOf(*o.form)});
            else
                forms.excluded.push_back({who + where, "未登记四种形态"});
            if (!(o.partySanction || o.govSanction))
                sanctioned.excluded.push_back({who + where, "未给予党纪政务处分"});
            else if (!firstSanctionOf.emplace(o.person, v.clue.id).second)
                sanctioned.excluded.push_back({who + where, "已在线索 " + std::to_string(firstSanctionOf[o.person]) + " 计入，每人只计一次"});
            else
                sanctioned.counted.push_back({who + where, o.partySanction.value_or("") +
                                                               (o.partySanction && o.govSanction ? "、" : "") +
                                                               o.govSanction.value_or("")});
            if (o.recoveredFen > 0)
                money.counted.push_back({who + where, money::formatYuan(o.recoveredFen) + " 元"});
            else
                money.excluded.push_back({who + where, "没有追缴挽回金额"});
        }
    }
}

void traceRectification(WorkReportFigures& w, const StatisticsRecords& records, const CategoryNames& names,
                        FigureTrace& fedBack, FigureTrace& rectified, FigureTrace& overdue) {
    std::map<int64_t, std::vector<const store::TaskRecord*>> tasksOf;
    for (const auto& t : records.tasks) tasksOf[t.findingId].push_back(&t);
    for (const auto& f : records.findings) {
        if (!isFoundFinding(f.status)) continue;
        const std::string record = findingRecord(f.id);
        const std::string note = findingNote(f, names);
        switch (rectificationStateOn(f, tasksOf[f.id], w.query.asOf)) {
        case RectificationState::NotFedBack:
            fedBack.excluded.push_back({record, note + "（截至日尚未反馈交办整改任务）"});
            break;
        case RectificationState::FedBack:
            fedBack.counted.push_back({record, note});
            rectified.excluded.push_back({record, note + "（截至日仍有整改任务未验收销号）"});
            break;
        case RectificationState::Rectified:
            fedBack.counted.push_back({record, note});
            rectified.counted.push_back({record, note});
            break;
        }
    }
    for (const auto& d : w.statistics.overdue) {
        w.overdueByLevel[static_cast<int>(d.level)] += 1;
        w.overdue += 1;
        overdue.counted.push_back({"任务 " + std::to_string(d.task.id),
                                   d.task.unitName + "，期限 " + d.task.dueDate + "，逾期 " + std::to_string(d.daysOverdue) +
                                       " 天，" + std::string(domain::escalationLevels.label(d.level))});
    }
    const std::string asOf = civil::formatDate(w.query.asOf);
    for (const auto& t : records.tasks) {
        const std::string record = "任务 " + std::to_string(t.id);
        if (t.acceptedOn && dayOf(*t.acceptedOn) <= w.query.asOf)
            overdue.excluded.push_back({record, "已于 " + *t.acceptedOn + " 验收销号"});
        else if (dayOf(t.assignedOn) > w.query.asOf)
            overdue.excluded.push_back({record, "截至 " + asOf + " 尚未交办"});
        else if (dayOf(t.dueDate) >= w.query.asOf)
            overdue.excluded.push_back({record, "期限 " + t.dueDate + "，截至 " + asOf + " 未逾期"});
    }
}

std::string countText(int64_t n) { return std::to_string(n); }

}  // namespace

std::optional<int64_t> WorkReportFigures::coveragePermille() const {
    return RectificationFigures{"", "", unitsTotal, unitsCovered}.ratePermille();
}

const FigureTrace& WorkReportFigures::trace(const std::string& name) const {
    for (const auto& t : traces)
        if (t.name == name) return t;
    throw InternalError("work report figure " + name);
}

const std::vector<std::string>& workReportFigureNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& f : kFigures) out.push_back(f.name);
        return out;
    }();
    return names;
}

WorkReportFigures computeWorkReport(store::Database& db, const Actor& actor, const WorkReportQuery& query,
                                    const CategoryNames& names, const ProgressSink* progress) {
    requireAdminOrLeader(actor, "生成工作汇报");
    requirePeriod(query.from, query.to);
    WorkReportFigures w;
    w.query = query;
    for (const auto& f : kFigures) w.traces.push_back({f.name, f.label, "", {}, {}});
    auto traceOf = [&](const char* name) -> FigureTrace& {
        for (auto& t : w.traces)
            if (t.name == name) return t;
        throw InternalError(std::string("work report figure ") + name);
    };

    const auto rounds = roundsCounted(db, actor, query, traceOf("rounds"));
    const auto records = recordsOf(db, actor, query, rounds, progress);
    StatisticsQuery sq;
    sq.from = query.from;
    sq.to = query.to;
    sq.asOf = query.asOf;
    w.statistics = statisticsOf(records, sq, names);
    if (w.statistics.clues && !w.statistics.clues->empty()) w.clueTotal = w.statistics.clues->back();

    countRounds(w, rounds);
    WorkflowSettings workflow;
    workflow.reportDays = query.reportDays;
    for (const auto& r : rounds)
        if (const auto due = rectificationReportDue(store::roundStageDates(db, r.id), workflow)) w.reportDue[r.code] = *due;
    countUnits(w, db, actor, rounds, traceOf("units_covered"));
    countFindings(w, records, names, traceOf("findings"), traceOf("four_styles"), traceOf("repeat_findings"),
                  traceOf("lookback_findings"));
    traceClues(records, traceOf("clues_transferred"), traceOf("clue_people"), traceOf("clues_closed"),
               traceOf("four_forms"), traceOf("sanctioned_people"), traceOf("money_recovered"));
    traceRectification(w, records, names, traceOf("fed_back"), traceOf("rectified"), traceOf("overdue_tasks"));

    const auto& c = w.clueTotal;
    int64_t fourStyles = 0, lookbackFindings = 0;
    for (const auto& b : w.fourStyles) fourStyles += b.findings;
    for (const auto& l : w.lookbacks) lookbackFindings += l.findings;
    traceOf("rounds").value = countText(w.rounds);
    traceOf("units_covered").value = countText(w.unitsCovered);
    traceOf("findings").value = countText(w.findings);
    traceOf("four_styles").value = countText(fourStyles);
    traceOf("clues_transferred").value = countText(c.clues);
    traceOf("clue_people").value = countText(c.people);
    traceOf("clues_closed").value = countText(c.concluded);
    traceOf("four_forms").value = countText(c.formCounts[0] + c.formCounts[1] + c.formCounts[2] + c.formCounts[3]);
    traceOf("sanctioned_people").value = countText(c.sanctionedPeople);
    traceOf("money_recovered").value = money::formatYuan(c.recoveredFen);
    traceOf("fed_back").value = countText(w.statistics.rectificationTotal.fedBack);
    traceOf("rectified").value = countText(w.statistics.rectificationTotal.rectified);
    traceOf("overdue_tasks").value = countText(w.overdue);
    traceOf("repeat_findings").value = countText(w.repeatFindings);
    traceOf("lookback_findings").value = countText(lookbackFindings);
    return w;
}

FigureTrace explainFigure(store::Database& db, const Actor& actor, const WorkReportQuery& query,
                          const CategoryNames& names, const std::string& figure) {
    const auto& known = workReportFigureNames();
    if (std::find(known.begin(), known.end(), figure) == known.end()) {
        std::string list;
        for (const auto& f : kFigures) list += std::string(list.empty() ? "" : "、") + f.name + "（" + f.label + "）";
        throw InvalidInput("figure", "数字名称", " \"" + figure + "\" 不认识。可以说明的数字有：" + list + "。");
    }
    return computeWorkReport(db, actor, query, names).trace(figure);
}

}  // namespace patrol::services
