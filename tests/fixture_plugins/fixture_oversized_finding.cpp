// Reports a finding whose title claims 5 GB (only its size: no such text exists, and the host
// must refuse it before reading any of it), after a good one.
#include <patrol/sdk/plugin.hpp>

#include <cstdint>

class OversizedFindingPlugin : public patrol::sdk::Plugin {
public:
    void run(patrol::sdk::Context& context) override {
        if (!context.emit({"FX-01", "U1", {"X1"}, std::nullopt, "正常的问题", ""})) return;
        static const char kRef[] = "X2";
        const patrol_text ref{kRef, 2};
        patrol_finding f{};
        f.struct_size = sizeof(f);
        f.rule = {"FX-01", 5};
        f.unit = {"U1", 2};
        f.refs = &ref;
        f.ref_count = 1;
        f.title = {"过大", uint64_t{5} << 30};
        f.detail = {"", 0};
        if (context.emit(f)) context.emit({"FX-01", "U1", {"X3"}, std::nullopt, "主程序要求停止后不应再报告", ""});
    }
};

PATROL_PLUGIN(OversizedFindingPlugin, "fixture_oversized_finding")
