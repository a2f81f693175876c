// The tables as the plugin at hand reads them. Since ABI 1.2 the host's string columns carry
// 32-bit offsets (patrol_column::text_offsets32); a plugin built against ABI 1.0 or 1.1 knows
// only the 64-bit ones (text_offsets), so it is shown a copy of each table it asks for with
// those, made once per run. A newer plugin reads the host's own view; since ABI 1.3 its tables
// may also be read with coded string columns (readsTextCodes), which older plugins never get.
#pragma once

#include "core/plugins/plugin_metadata.hpp"

#include <patrol/plugin_abi.h>

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace patrol::plugins {

// Whether the host may hand a plugin built against `built` coded string columns
// (patrol_column::text_codes, since ABI 1.3); its tables are read without codes otherwise.
bool readsTextCodes(AbiVersion built);

class TableViews {
public:
    // `built`: the ABI the plugin was built against.
    explicit TableViews(AbiVersion built);
    ~TableViews();
    TableViews(const TableViews&) = delete;
    TableViews& operator=(const TableViews&) = delete;

    // `table` (the host's view, may be NULL) as the plugin reads it; valid while this lives.
    const patrol_table* viewOf(const patrol_table* table);

private:
    struct Widened;
    bool widen_;
    std::vector<std::pair<const patrol_table*, std::unique_ptr<Widened>>> made_;
};

}  // namespace patrol::plugins
