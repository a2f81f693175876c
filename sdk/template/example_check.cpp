// The template check plugin: EX-01 payments above a limit, EX-02 several payments of one unit
// on one day. Copy this folder, rename the id here, in the JSON and in CMakeLists.txt, and
// replace the rules with your own.
#include <patrol/sdk/plugin.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
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

        std::map<std::pair<std::string, int32_t>, std::vector<uint64_t>> byUnitDay;
        for (uint64_t r = 0; r < payments->rows(); ++r) {
            const int64_t fen = amount.fen(r);
            if (fen > limit) {
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
            byUnitDay[{std::string(unit.text(r)), paidOn.date(r)}].push_back(r);
        }
        for (const auto& [key, rows] : byUnitDay) {
            if (static_cast<int64_t>(rows.size()) < sameDayCount) continue;
            patrol::sdk::Finding f;
            f.rule = "EX-02";
            f.unit = key.first;
            int64_t total = 0;
            for (uint64_t r : rows) {
                f.refs.push_back(std::string(id.text(r)));  // the host sorts refs
                total += amount.fen(r);
            }
            f.amountFen = total;
            f.title = patrol::civil::formatDate(key.second) + " 同日支出 " + std::to_string(rows.size()) + " 笔，合计 " +
                      patrol::money::formatYuan(total) + " 元";
            if (!context.emit(f)) return;
        }
    }
};

}  // namespace

PATROL_PLUGIN(ExampleCheck, "example_check")
