#include "core/services/work_report.hpp"

#include <patrol/sdk/civil.hpp>
#include <patrol/sdk/money.hpp>

#include <map>

#include "core/domain/clue.hpp"
#include "core/domain/errors.hpp"
#include "core/services/report_document.hpp"

namespace patrol::services {
namespace {

// Not `data`: in a unity batch that name would hide the data:: namespace of the files after this one.
using MustacheData = kainjow::mustache::data;

const char* kTemplateName = "work_report.md.mustache";

std::string rateText(std::optional<int64_t> permille) { return permille ? permilleText(*permille) : "—"; }
std::string rateOf(int64_t part, int64_t whole) {
    return rateText(RectificationFigures{"", "", whole, part}.ratePermille());
}
std::string number(int64_t n) { return std::to_string(n); }

MustacheData listOf() { return MustacheData(MustacheData::type::list); }

MustacheData roundsData(const WorkReportFigures& w) {
    MustacheData list = listOf();
    for (const auto& k : w.roundsByKind) {
        MustacheData d;
        d.set("label", k.label);
        d.set("count", number(k.count));
        list.push_back(d);
    }
    return list;
}

MustacheData unitsData(const WorkReportFigures& w) {
    MustacheData list = listOf();
    for (const auto& k : w.unitsByKind) {
        if (k.total == 0) continue;
        MustacheData d;
        d.set("label", k.label);
        d.set("total", number(k.total));
        d.set("covered", number(k.count));
        d.set("rate", rateOf(k.count, k.total));
        list.push_back(d);
    }
    return list;
}

void setFindings(MustacheData& view, const WorkReportFigures& w) {
    MustacheData categories = listOf();
    int64_t amount = 0;
    for (const auto& c : w.statistics.categories) {
        MustacheData d;
        d.set("name", c.name);
        d.set("findings", number(c.findings));
        d.set("amount", money::formatYuan(c.amountFen));
        categories.push_back(d);
        amount += c.amountFen;
    }
    view.set("categories", categories);
    view.set("findings_amount", money::formatYuan(amount));
    MustacheData buckets = listOf();
    int64_t fourStyles = 0;
    for (const auto& b : w.fourStyles) {
        MustacheData d;
        d.set("group", b.group);
        d.set("bucket", b.bucket);
        d.set("findings", number(b.findings));
        buckets.push_back(d);
        fourStyles += b.findings;
    }
    view.set("four_styles", buckets);
    view.set("has_four_styles", !w.fourStyles.empty());
    view.set("four_styles_findings", number(fourStyles));
}

void setClues(MustacheData& view, const WorkReportFigures& w) {
    MustacheData bodies = listOf();
    if (w.statistics.clues)
        for (const auto& f : *w.statistics.clues) {
            if (f.receiver == w.clueTotal.receiver) continue;  // the total row is given apart
            MustacheData d;
            d.set("receiver", domain::receivingBodies.labelOf(f.receiver));
            d.set("clues", number(f.clues));
            d.set("people", number(f.people));
            d.set("concluded", number(f.concluded));
            d.set("rate", rateOf(f.concluded, f.clues));
            bodies.push_back(d);
        }
    const auto& c = w.clueTotal;
    view.set("clue_bodies", bodies);
    view.set("clues", number(c.clues));
    view.set("clue_people", number(c.people));
    view.set("clues_closed", number(c.concluded));
    view.set("closure_rate", rateOf(c.concluded, c.clues));
    const int64_t forms = c.formCounts[0] + c.formCounts[1] + c.formCounts[2] + c.formCounts[3];
    MustacheData formRows = listOf();
    for (const auto& term : domain::disciplineForms.terms()) {
        const int64_t n = c.formCounts[static_cast<int>(term.value)];
        MustacheData d;
        d.set("label", std::string(term.label));
        d.set("count", number(n));
        d.set("share", rateOf(n, forms));
        formRows.push_back(d);
    }
    view.set("forms", formRows);
    view.set("forms_total", number(forms));
    view.set("sanctioned", number(c.sanctionedPeople));
    view.set("referred", number(c.referred));
    view.set("recovered", money::formatYuan(c.recoveredFen));
}

void setRectification(MustacheData& view, const WorkReportFigures& w) {
    const auto& total = w.statistics.rectificationTotal;
    view.set("fed_back", number(total.fedBack));
    view.set("rectified", number(total.rectified));
    view.set("rectification_rate", rateText(total.ratePermille()));
    MustacheData rounds = listOf();
    for (const auto& r : w.statistics.rectification) {
        MustacheData d;
        d.set("round", r.roundCode);
        d.set("title", r.roundTitle);
        d.set("fed_back", number(r.fedBack));
        d.set("rectified", number(r.rectified));
        d.set("rate", rateText(r.ratePermille()));
        const auto due = w.reportDue.find(r.roundCode);
        d.set("report_due", due == w.reportDue.end() ? std::string("—") : civil::formatDate(due->second));
        rounds.push_back(d);
    }
    view.set("rectification_rounds", rounds);
    MustacheData levels = listOf();
    for (const auto& term : domain::escalationLevels.terms()) {
        const int64_t n = w.overdueByLevel[static_cast<int>(term.value)];
        if (n == 0) continue;
        MustacheData d;
        d.set("label", std::string(term.label));
        d.set("count", number(n));
        levels.push_back(d);
    }
    view.set("overdue", number(w.overdue));
    view.set("overdue_levels", levels);
}

void setRepeats(MustacheData& view, const WorkReportFigures& w) {
    view.set("repeat_findings", number(w.repeatFindings));
    MustacheData lookbacks = listOf();
    for (const auto& l : w.lookbacks) {
        MustacheData d;
        d.set("round", l.roundCode);
        d.set("title", l.roundTitle);
        d.set("earlier", l.earlierRound.empty() ? "—" : l.earlierRound);
        d.set("findings", number(l.findings));
        d.set("repeats", number(l.repeats));
        lookbacks.push_back(d);
    }
    view.set("lookbacks", lookbacks);
    view.set("has_lookbacks", !w.lookbacks.empty());
}

// One figure's records as the template's rows.
MustacheData recordsData(const FigureTrace& t) {
    MustacheData rows = listOf();
    const auto add = [&rows](const auto& items, const char* counted) {
        for (const auto& item : items) {
            MustacheData r;
            r.set("record", item.record);
            r.set("counted", counted);
            r.set("note", item.note);
            rows.push_back(r);
        }
    };
    add(t.counted, "计入");
    add(t.excluded, "未计入");
    return rows;
}

// The appendix's figures without their records: AppendixContext gives each figure's `records`.
MustacheData appendixData(const WorkReportFigures& w) {
    MustacheData figures = listOf();
    for (const auto& t : w.traces) {
        MustacheData f;
        f.set("name", t.name);
        f.set("label", t.label);
        f.set("value", t.value);
        f.set("has_records", !t.counted.empty() || !t.excluded.empty());
        figures.push_back(f);
    }
    return figures;
}

// The template's names looked up as mustache does (innermost section first, "a.b" through
// objects, "." the current item), except that a figure's `records` are made when the template
// asks for them, one figure at a time: at 50,000 tasks the rows of every figure at once, as
// template data, took some 200 MB.
class AppendixContext : public kainjow::mustache::basic_context<std::string> {
public:
    AppendixContext(const MustacheData& view, const WorkReportFigures& w) : figures_(w) {
        items_.push_back(&view);
        if (const auto* list = view.get("figures"); list && list->is_list())
            for (size_t k = 0; k < list->list_value().size(); ++k) figureIndex_[&list->list_value()[k]] = k;
    }

    void push(const MustacheData* item) override { items_.insert(items_.begin(), item); }
    void pop() override { items_.erase(items_.begin()); }

    const MustacheData* get(const std::string& name) const override {
        if (name == ".") return items_.front();
        for (const auto* item : items_) {
            if (const auto* found = lookup(item, name)) return found;
        }
        return nullptr;
    }
    const MustacheData* get_partial(const std::string& name) const override {
        for (const auto* item : items_)
            if (const auto* found = item->get(name)) return found;
        return nullptr;
    }

private:
    const MustacheData* lookup(const MustacheData* item, const std::string& name) const {
        size_t start = 0;
        for (;;) {
            const size_t dot = name.find('.', start);
            const std::string part = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            item = part == "records" ? recordsOf(item) : item->get(part);
            if (!item || dot == std::string::npos) return item;
            start = dot + 1;
        }
    }
    // The records of the figure `item` is, else what `item` holds under "records".
    const MustacheData* recordsOf(const MustacheData* item) const {
        const auto figure = figureIndex_.find(item);
        if (figure == figureIndex_.end()) return item->get("records");
        if (recordsFigure_ != figure->second) {
            records_ = MustacheData();  // the previous figure's rows are given back first
            records_ = recordsData(figures_.traces[figure->second]);
            recordsFigure_ = figure->second;
        }
        return &records_;
    }

    const WorkReportFigures& figures_;
    std::vector<const MustacheData*> items_;  // innermost first
    std::map<const MustacheData*, size_t> figureIndex_;
    mutable MustacheData records_;
    mutable size_t recordsFigure_ = static_cast<size_t>(-1);
};

MustacheData viewOf(const WorkReportFigures& w) {
    MustacheData view;
    view.set("term", w.termLabel);
    view.set("has_term", !w.termLabel.empty());  // without one the template words the period instead
    view.set("from", civil::formatDate(w.query.from));
    view.set("to", civil::formatDate(w.query.to));
    view.set("as_of", civil::formatDate(w.query.asOf));
    view.set("rounds", number(w.rounds));
    view.set("rounds_by_kind", roundsData(w));
    view.set("townships", number(w.townships));
    view.set("departments", number(w.departments));
    view.set("villages", number(w.villages));
    view.set("units_covered", number(w.unitsCovered));
    view.set("units_total", number(w.unitsTotal));
    view.set("coverage", rateText(w.coveragePermille()));
    view.set("units_by_kind", unitsData(w));
    view.set("findings", number(w.findings));
    setFindings(view, w);
    setClues(view, w);
    setRectification(view, w);
    setRepeats(view, w);
    view.set("figures", appendixData(w));
    return view;
}

}  // namespace

std::string workReportMarkdown(const WorkReportFigures& figures, const std::string& templateFolder) {
    ReportTemplate report(templateFolder, kTemplateName);
    const MustacheData view = viewOf(figures);
    AppendixContext context(view, figures);
    std::string markdown;
    report.render(context, [&markdown](const std::string& piece) { markdown += piece; });
    return markdown;
}

void writeWorkReport(const WorkReportFigures& figures, const std::string& templateFolder,
                     const std::filesystem::path& file) {
    reportFormatOf(file);
    ReportTemplate report(templateFolder, kTemplateName);  // a missing or broken template is refused before writing
    const MustacheData view = viewOf(figures);
    writeReportDocument(
        [&](const ReportSink& sink) {
            AppendixContext context(view, figures);
            report.render(context, sink);
        },
        file);
}

}  // namespace patrol::services
