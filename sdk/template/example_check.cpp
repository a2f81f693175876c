// The template check plugin: EX-01 payments above a limit, EX-02 several payments of one unit
// on one day. Copy this folder, rename the id here, in the JSON and in CMakeLists.txt, and
// replace the rules with your own.
#include <patrol/sdk/plugin.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace {

class ExampleCheck : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context& context) override {
        // The host has already read and checked payments.csv against example_check.json;
        // without the file the table is absent and the host has said the rules are skipped.
        const auto payments = context.table("payments");
        if (!payments) return;
        const auto id = payments->column("payment_id");
        const auto unit = payments->column("unit_code");
        const auto paidOn = payments->column("paid_on");
        const auto amount = payments->column("amount");
        const int64_t limit = context.moneySetting("limit");
        const int64_t sameDayCount = context.integerSetting("same_day_count");

        // EX-01: one pass over the column; text is built only for the rows reported.
        for (uint64_t r = 0; r < payments->rows(); ++r) {
            const int64_t fen = amount.fen(r);
            if (fen <= limit) continue;
            patrol::sdk::Finding f;
            f.rule = "EX-01";
            f.unit = std::string(unit.text(r));
            f.refs = {std::string(id.text(r))};
            f.amountFen = fen - limit;
            f.title = patrol::civil::formatDate(paidOn.date(r)) + " 支出 " + patrol::money::formatYuan(fen) + " 元，超过限额 " +
                      patrol::money::formatYuan(limit) + " 元";
            f.detail = "支出 " + f.refs[0] + "（第 " + std::to_string(payments->sourceLine(r)) + " 行）超出限额 " +
                       patrol::money::formatYuan(fen - limit) + " 元。";
            if (!context.emit(f)) return;
        }

        // EX-02: the row numbers sorted by unit and day, so each unit's day is one run of
        // neighbours — no map of strings, which costs an allocation per row on large tables.
        std::vector<uint64_t> rows(payments->rows());
        std::iota(rows.begin(), rows.end(), uint64_t{0});
        std::sort(rows.begin(), rows.end(), [&](uint64_t a, uint64_t b) {
            if (const auto byUnit = unit.text(a).compare(unit.text(b)); byUnit != 0) return byUnit < 0;
            if (paidOn.date(a) != paidOn.date(b)) return paidOn.date(a) < paidOn.date(b);
            return a < b;  // file order within the day
        });
        for (size_t first = 0, last = 0; first < rows.size(); first = last) {
            last = first + 1;
            while (last < rows.size() && unit.text(rows[last]) == unit.text(rows[first]) && paidOn.date(rows[last]) == paidOn.date(rows[first])) ++last;
            if (static_cast<int64_t>(last - first) < sameDayCount) continue;
            patrol::sdk::Finding f;
            f.rule = "EX-02";
            f.unit = std::string(unit.text(rows[first]));
            int64_t total = 0;
            std::string each;
            for (size_t i = first; i < last; ++i) {
                const uint64_t r = rows[i];
                f.refs.push_back(std::string(id.text(r)));  // the host sorts refs
                total += amount.fen(r);
                each += (each.empty() ? "" : "、") + std::string(id.text(r)) + "（第 " + std::to_string(payments->sourceLine(r)) + " 行）" +
                        patrol::money::formatYuan(amount.fen(r)) + " 元";
            }
            f.amountFen = total;
            const std::string day = patrol::civil::formatDate(paidOn.date(rows[first]));
            f.title = day + " 同日支出 " + std::to_string(last - first) + " 笔，合计 " + patrol::money::formatYuan(total) + " 元";
            f.detail = "单位 " + f.unit + " 于 " + day + " 支出 " + each + "；同一天达到 " + std::to_string(sameDayCount) + " 笔即报告。";
            if (!context.emit(f)) return;
        }
    }
};

}  // namespace

PATROL_PLUGIN(ExampleCheck, "example_check")
