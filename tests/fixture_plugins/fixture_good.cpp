// A working plugin: FX-01 items above the threshold, FX-02 items on a non-working day
// (grouped per day), FX-03 one finding per extra; it logs its settings so tests can see them.
#include <patrol/sdk/plugin.hpp>

#include <map>

class GoodPlugin : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context& context) override {
        const int64_t threshold = context.moneySetting("threshold");
        context.log(PATROL_LOG_INFO, "threshold=" + context.setting("threshold") + " words=" + context.setting("words") +
                                         " ratio=" + context.setting("ratio") + " night=" + context.setting("night") +
                                         " limit=" + context.setting("limit"));
        if (const auto items = context.table("items")) {
            const auto id = items->column("item_id"), unit = items->column("unit_code"), day = items->column("day"),
                       amount = items->column("amount");
            std::map<int32_t, std::vector<uint64_t>> restDays;
            for (uint64_t r = 0; r < items->rows(); ++r) {
                if (amount.fen(r) > threshold)
                    context.emit({"FX-01", std::string(unit.text(r)), {std::string(id.text(r))}, amount.fen(r) - threshold,
                                  "大额事项 " + std::string(id.text(r)), "金额 " + patrol::money::formatYuan(amount.fen(r)) + " 元"});
                if (!context.isWorkingDay(day.date(r))) restDays[day.date(r)].push_back(r);
            }
            for (const auto& [d, rows] : restDays) {
                patrol::sdk::Finding f{"FX-02", std::string(unit.text(rows.front())), {}, std::nullopt, patrol::civil::formatDate(d) + " 非工作日", ""};
                // Emitted in reverse so the host's sorting of refs is visible.
                for (auto it = rows.rbegin(); it != rows.rend(); ++it) f.refs.push_back(std::string(id.text(*it)));
                context.emit(f);
            }
        }
        if (const auto extras = context.table("extras")) {
            const auto id = extras->column("extra_id");
            for (uint64_t r = 0; r < extras->rows(); ++r) context.emit({"FX-03", "U0", {std::string(id.text(r))}, std::nullopt, "附表", ""});
        }
    }
};

PATROL_PLUGIN(GoodPlugin, "fixture_good")
