#include "core/office/office_writers.hpp"

#include <xlsxwriter.h>

#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/domain/errors.hpp"
#include "core/office/xlsx_zip_effort.hpp"
#include "core/domain/finding_status.hpp"
#include "core/domain/rectification_kind.hpp"
#include "core/domain/severity.hpp"
#include "core/domain/task_status.hpp"
#include "core/services/output_file.hpp"

namespace patrol::services {

namespace {

using domain::EscalationLevel;

template <typename Words>
std::string labelOf(const Words& words, const std::string& code) {
    const auto value = words.find(code);
    return value ? std::string(words.label(*value)) : code;
}

// Columns a spreadsheet shows a text in: CJK and full-width characters take two.
double textWidth(const std::string& s) {
    double width = 0;
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const size_t length = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
        width += length >= 3 ? 2 : 1;  // three- and four-byte UTF-8: CJK, full-width forms
        i += length;
    }
    return width;
}

// The fill and font of each warning level, light enough to print.
struct LevelStyle {
    lxw_color_t fill;
    lxw_color_t font;
};
LevelStyle levelStyle(EscalationLevel level) {
    switch (level) {
        case EscalationLevel::Green: return {0xC6EFCE, 0x006100};
        case EscalationLevel::Yellow: return {0xFFEB9C, 0x9C5700};
        case EscalationLevel::Red: return {0xFFC7CE, 0x9C0006};
        case EscalationLevel::Accountability: return {0x7030A0, 0xFFFFFF};
        case EscalationLevel::None: break;
    }
    return {LXW_COLOR_WHITE, LXW_COLOR_BLACK};
}

class Formats {
public:
    explicit Formats(lxw_workbook* wb) {
        header = workbook_add_format(wb);
        format_set_bold(header);
        format_set_bg_color(header, 0xD9E1F2);
        format_set_border(header, LXW_BORDER_THIN);
        format_set_text_wrap(header);
        format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
        title = workbook_add_format(wb);
        format_set_bold(title);
        format_set_font_size(title, 12);
        date = workbook_add_format(wb);
        format_set_num_format(date, "yyyy-mm-dd");
        money = workbook_add_format(wb);
        format_set_num_format(money, "#,##0.00");
        percent = workbook_add_format(wb);
        format_set_num_format(percent, "0.0%");
        total = workbook_add_format(wb);
        format_set_bold(total);
        totalMoney = workbook_add_format(wb);
        format_set_bold(totalMoney);
        format_set_num_format(totalMoney, "#,##0.00");
        totalPercent = workbook_add_format(wb);
        format_set_bold(totalPercent);
        format_set_num_format(totalPercent, "0.0%");
        for (const auto& term : domain::escalationLevels.terms()) {
            const auto style = levelStyle(term.value);
            lxw_format* f = workbook_add_format(wb);
            if (term.value != EscalationLevel::None) {
                format_set_bg_color(f, style.fill);
                format_set_font_color(f, style.font);
            }
            levels[static_cast<int>(term.value)] = f;
        }
    }
    lxw_format* header;
    lxw_format* title;
    lxw_format* date;
    lxw_format* money;
    lxw_format* percent;
    lxw_format* total;
    lxw_format* totalMoney;
    lxw_format* totalPercent;
    lxw_format* levels[5];
};

// One worksheet written row by row (the workbook keeps constant memory), remembering how wide
// each column's content is.
class Sheet {
public:
    Sheet(lxw_workbook* wb, const char* name, const Formats& formats)
        : ws_(workbook_add_worksheet(wb, name)), formats_(formats), name_(name) {}

    lxw_worksheet* worksheet() const { return ws_; }
    const char* name() const { return name_; }

    void text(lxw_row_t row, lxw_col_t col, const std::string& s, lxw_format* f = nullptr) {
        if (!s.empty()) check(worksheet_write_string(ws_, row, col, s.c_str(), f));
        widen(col, textWidth(s));
    }
    // A heading over a table: as wide as it likes, without widening the column under it.
    void heading(lxw_row_t row, lxw_col_t col, const std::string& s) {
        check(worksheet_write_string(ws_, row, col, s.c_str(), formats_.title));
    }
    void optionalText(lxw_row_t row, lxw_col_t col, const std::optional<std::string>& s) {
        if (s) text(row, col, *s);
    }
    void number(lxw_row_t row, lxw_col_t col, double n, lxw_format* f = nullptr) {
        check(worksheet_write_number(ws_, row, col, n, f));
        widen(col, 8);
    }
    void money(lxw_row_t row, lxw_col_t col, int64_t fen, lxw_format* f = nullptr) {
        check(worksheet_write_number(ws_, row, col, static_cast<double>(fen) / 100.0, f ? f : formats_.money));
        widen(col, textWidth(std::to_string(fen / 100)) * 4 / 3 + 4);
    }
    void date(lxw_row_t row, lxw_col_t col, const std::optional<std::string>& ymd) {
        if (!ymd) return;
        const auto day = civil::parseDate(*ymd);
        if (!day) return text(row, col, *ymd);
        const auto d = civil::fromDays(*day);
        lxw_datetime dt{d.year, static_cast<int>(d.month), static_cast<int>(d.day), 0, 0, 0};
        check(worksheet_write_datetime(ws_, row, col, &dt, formats_.date));
        widen(col, 10);
    }

    // A list: headers in row 0, frozen, with a filter over the rows written.
    void headers(const std::vector<std::string>& names) {
        for (lxw_col_t c = 0; c < names.size(); ++c) text(0, c, names[c], formats_.header);
        columns_ = static_cast<lxw_col_t>(names.size());
        worksheet_freeze_panes(ws_, 1, 0);
    }
    void finishList(lxw_row_t lastRow) {
        check(worksheet_autofilter(ws_, 0, 0, lastRow, columns_ - 1));
        finishWidths();
    }
    // Widths from the content: at least the header's plus the filter button, at most 60.
    void finishWidths() {
        for (lxw_col_t c = 0; c < widths_.size(); ++c)
            check(worksheet_set_column(ws_, c, c, std::clamp(widths_[c] + 3, 8.0, 60.0), nullptr));
    }

private:
    void widen(lxw_col_t col, double width) {
        if (widths_.size() <= col) widths_.resize(col + 1, 0);
        widths_[col] = std::max(widths_[col], width);
    }
    void check(lxw_error error) const {
        if (error != LXW_NO_ERROR)
            throw UserError(std::string("台账工作表「") + name_ + "」写入失败：" + lxw_strerror(error) + "。");
    }

    lxw_worksheet* ws_;
    const Formats& formats_;
    const char* name_;
    std::vector<double> widths_;
    lxw_col_t columns_ = 0;
};

void writeFindings(Sheet& sheet, const Ledger& ledger, const CategoryNames& names) {
    std::vector<std::string> headers{"问题编号", "轮次", "单位编码", "单位名称", "问题类别", "问题标题", "问题描述",
                                     "严重程度", "涉及金额（元）", "涉及人数", "人员层级", "来源/规则", "状态", "屡查屡犯"};
    if (ledger.showsClues) headers.push_back("已移交线索");
    sheet.headers(headers);
    lxw_row_t row = 0;
    for (const auto& f : ledger.findings) {
        ++row;
        sheet.number(row, 0, static_cast<double>(f.id));
        sheet.text(row, 1, f.roundCode);
        sheet.text(row, 2, f.unitCode);
        sheet.text(row, 3, f.unitName);
        sheet.text(row, 4, names.categoryName(f.category, f.source));
        sheet.text(row, 5, f.title);
        sheet.text(row, 6, f.detail);
        sheet.text(row, 7, labelOf(domain::severities, f.severity));
        if (f.amountFen) sheet.money(row, 8, *f.amountFen);
        if (f.peopleCount) sheet.number(row, 9, static_cast<double>(*f.peopleCount));
        sheet.optionalText(row, 10, f.peopleLevel);
        sheet.text(row, 11, names.sourceName(f.source));
        sheet.text(row, 12, labelOf(domain::findingStatuses, f.status));
        sheet.text(row, 13, f.repeatOf ? "是" : "否");
        if (ledger.showsClues) sheet.text(row, 14, f.transferred ? "是" : "否");
    }
    sheet.finishList(row);
}

std::string progressText(const store::ProgressRecord& p) {
    return p.reportedOn + " " + std::to_string(p.percent) + "% " + p.narrative;
}

void writeTasks(Sheet& sheet, const Ledger& ledger, const Formats& formats) {
    sheet.headers({"任务编号", "问题编号", "问题标题", "轮次", "单位编码", "单位名称", "整改类型", "整改措施", "责任人",
                   "责任领导", "交办日期", "整改期限", "状态", "完成进度（%）", "预警等级", "剩余天数", "逾期天数",
                   "最近进展", "销号日期"});
    lxw_row_t row = 0;
    for (const auto& t : ledger.tasks) {
        ++row;
        const auto& task = *t.task;
        sheet.number(row, 0, static_cast<double>(task.id));
        sheet.number(row, 1, static_cast<double>(task.findingId));
        sheet.text(row, 2, task.findingTitle);
        sheet.text(row, 3, task.roundCode);
        sheet.text(row, 4, task.unitCode);
        sheet.text(row, 5, task.unitName);
        sheet.text(row, 6, labelOf(domain::rectificationKinds, task.kind));
        sheet.optionalText(row, 7, task.measure);
        sheet.optionalText(row, 8, task.handler);
        sheet.optionalText(row, 9, task.leader);
        sheet.date(row, 10, task.assignedOn);
        sheet.date(row, 11, task.dueDate);
        sheet.text(row, 12, labelOf(domain::taskStatuses, task.status));
        if (t.lastProgress) sheet.number(row, 13, static_cast<double>(t.lastProgress->percent));
        sheet.text(row, 14, std::string(domain::escalationLevels.label(t.level)), formats.levels[static_cast<int>(t.level)]);
        if (t.daysLeft && *t.daysLeft >= 0) sheet.number(row, 15, static_cast<double>(*t.daysLeft));
        if (t.daysLeft && *t.daysLeft < 0) sheet.number(row, 16, static_cast<double>(-*t.daysLeft));
        if (t.lastProgress) sheet.text(row, 17, progressText(*t.lastProgress));
        sheet.date(row, 18, task.acceptedOn);
    }
    sheet.finishList(row);
}

void writeResponsible(Sheet& sheet, const Ledger& ledger) {
    sheet.headers({"单位编码", "单位名称", "姓名", "职责", "任务编号", "问题标题", "任务状态", "整改期限",
                   "本人未销号任务", "本人逾期任务"});
    lxw_row_t row = 0;
    for (const auto& p : ledger.responsible) {
        ++row;
        const auto& task = *ledger.tasks[p.task].task;
        sheet.text(row, 0, task.unitCode);
        sheet.text(row, 1, task.unitName);
        sheet.text(row, 2, personOf(ledger, p));
        sheet.text(row, 3, responsibleRoleName(p.role));
        sheet.number(row, 4, static_cast<double>(task.id));
        sheet.text(row, 5, task.findingTitle);
        sheet.text(row, 6, labelOf(domain::taskStatuses, task.status));
        sheet.date(row, 7, task.dueDate);
        sheet.number(row, 8, static_cast<double>(p.openTasks));
        sheet.number(row, 9, static_cast<double>(p.overdueTasks));
    }
    sheet.finishList(row);
}

// 统计: three small tables one under another, the charts to their right.
void writeStatistics(lxw_workbook* wb, Sheet& sheet, const Ledger& ledger, const Formats& formats) {
    const auto& s = ledger.statistics;
    lxw_row_t row = 0;
    sheet.heading(row, 0, "统计截至 " + civil::formatDate(s.asOf) + "（口径见 docs/statistics.md）");

    row += 2;
    sheet.heading(row, 0, "一、未销号整改任务（按预警等级）");
    const lxw_row_t colourHeader = ++row;
    std::vector<std::string> colourHeaders{"单位编码", "单位名称"};
    for (const auto& term : domain::escalationLevels.terms()) colourHeaders.push_back(std::string(term.label));
    colourHeaders.push_back("合计");
    for (lxw_col_t c = 0; c < colourHeaders.size(); ++c) sheet.text(row, c, colourHeaders[c], formats.header);
    for (const auto& c : s.colours) {
        ++row;
        sheet.text(row, 0, c.unitCode);
        sheet.text(row, 1, c.unitName);
        for (int k = 0; k < 5; ++k) sheet.number(row, static_cast<lxw_col_t>(2 + k), static_cast<double>(c.byLevel[k]));
        sheet.number(row, 7, static_cast<double>(c.open()));
    }
    const lxw_row_t lastUnit = row;
    ++row;
    sheet.text(row, 0, "合计", formats.total);
    for (int k = 0; k < 5; ++k)
        sheet.number(row, static_cast<lxw_col_t>(2 + k), static_cast<double>(s.colourTotal.byLevel[k]), formats.total);
    sheet.number(row, 7, static_cast<double>(s.colourTotal.open()), formats.total);

    row += 2;
    sheet.heading(row, 0, "二、发现问题（按类别）");
    const lxw_row_t categoryHeader = ++row;
    for (lxw_col_t c = 0; const char* h : {"问题类别", "问题数", "涉及金额（元）"}) sheet.text(row, c++, h, formats.header);
    int64_t findings = 0, amount = 0;
    for (const auto& c : s.categories) {
        ++row;
        sheet.text(row, 0, c.name);
        sheet.number(row, 1, static_cast<double>(c.findings));
        sheet.money(row, 2, c.amountFen);
        findings += c.findings;
        amount += c.amountFen;
    }
    const lxw_row_t lastCategory = row;
    ++row;
    sheet.text(row, 0, "合计", formats.total);
    sheet.number(row, 1, static_cast<double>(findings), formats.total);
    sheet.money(row, 2, amount, formats.totalMoney);

    row += 2;
    sheet.heading(row, 0, "三、整改完成率");
    ++row;
    for (lxw_col_t c = 0; const char* h : {"轮次", "名称", "已反馈问题", "已整改", "整改完成率", "整改情况报告期限"})
        sheet.text(row, c++, h, formats.header);
    auto rectification = [&](const RectificationFigures& f, bool isTotal) {
        ++row;
        sheet.text(row, 0, isTotal ? "合计" : f.roundCode, isTotal ? formats.total : nullptr);
        sheet.text(row, 1, f.roundTitle);
        sheet.number(row, 2, static_cast<double>(f.fedBack), isTotal ? formats.total : nullptr);
        sheet.number(row, 3, static_cast<double>(f.rectified), isTotal ? formats.total : nullptr);
        if (const auto permille = f.ratePermille())
            sheet.number(row, 4, static_cast<double>(*permille) / 1000.0, isTotal ? formats.totalPercent : formats.percent);
        if (const auto due = ledger.reportDue.find(f.roundCode); !isTotal && due != ledger.reportDue.end())
            sheet.date(row, 5, civil::formatDate(due->second));
    };
    for (const auto& f : s.rectification) rectification(f, false);
    rectification(s.rectificationTotal, true);
    sheet.finishWidths();

    // Native charts over the tables above, so they follow any edit of the numbers.
    if (!s.colours.empty()) {
        lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN_STACKED);
        chart_title_set_name(chart, "各单位未销号整改任务（按预警等级）");
        for (int k = 0; k < 5; ++k) {
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            const auto col = static_cast<lxw_col_t>(2 + k);
            chart_series_set_categories(series, sheet.name(), colourHeader + 1, 1, lastUnit, 1);
            chart_series_set_values(series, sheet.name(), colourHeader + 1, col, lastUnit, col);
            chart_series_set_name_range(series, sheet.name(), colourHeader, col);
            lxw_chart_fill fill{k == 0 ? 0xBFBFBF : levelStyle(static_cast<EscalationLevel>(k)).fill, 0, 0};
            if (k == 4) fill.color = 0x7030A0;
            chart_series_set_fill(series, &fill);
        }
        worksheet_insert_chart(sheet.worksheet(), 2, 9, chart);
    }
    if (!s.categories.empty()) {
        lxw_chart* pie = workbook_add_chart(wb, LXW_CHART_PIE);
        chart_title_set_name(pie, "发现问题（按类别）");
        lxw_chart_series* series = chart_add_series(pie, nullptr, nullptr);
        chart_series_set_categories(series, sheet.name(), categoryHeader + 1, 0, lastCategory, 0);
        chart_series_set_values(series, sheet.name(), categoryHeader + 1, 1, lastCategory, 1);
        chart_series_set_name_range(series, sheet.name(), categoryHeader, 1);
        worksheet_insert_chart(sheet.worksheet(), 18, 9, pie);
    }
}

void writeWorkbook(const Ledger& ledger, const CategoryNames& names, const std::string& path, ZipEffort effort,
                   const ProgressSink* progress) {
    const uint64_t rows = ledger.findings.size() + ledger.tasks.size() + ledger.responsible.size();
    const auto written = [&](uint64_t done) { tell(progress, WorkPhase::Writing, done, rows, WorkItems::Rows); };
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows go to disk as they are written: 50,000 tasks stay small
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb) throw UserError("无法创建台账文件 " + path + "。请检查目录权限和磁盘空间。");
    try {
        const Formats formats(wb);
        Sheet findings(wb, "问题清单", formats);
        Sheet tasks(wb, "整改清单", formats);
        Sheet responsible(wb, "责任清单", formats);
        Sheet statistics(wb, "统计", formats);
        written(0);
        writeFindings(findings, ledger, names);
        written(ledger.findings.size());
        writeTasks(tasks, ledger, formats);
        written(ledger.findings.size() + ledger.tasks.size());
        writeResponsible(responsible, ledger);
        written(rows);
        writeStatistics(wb, statistics, ledger, formats);
    } catch (...) {
        workbook_close(wb);
        throw;
    }
    const ZipEffortScope deflating(effort);  // the sheets are zipped when the workbook closes
    const lxw_error error = workbook_close(wb);
    if (error != LXW_NO_ERROR)
        throw UserError(std::string("台账文件写入失败：") + lxw_strerror(error) + "。请检查磁盘空间和目录权限。");
}

}  // namespace

void writeLedgerWorkbookNow(const Ledger& ledger, const CategoryNames& names, const std::filesystem::path& file,
                            ZipEffort effort, const ProgressSink* progress) {
    writeOutputFile(file, "台账文件", Overwrite::Allow, [&](const std::filesystem::path& temporary) {
        writeWorkbook(ledger, names, temporary.string(), effort, progress);
    });
}

}  // namespace patrol::services
