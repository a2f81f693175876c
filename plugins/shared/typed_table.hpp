// A plugin's typed view of one of its tables (Payments, Approvals …), or nothing when the file
// is missing: its rules are then skipped, which the host has already said.
#pragma once

#include <patrol/sdk/plugin.hpp>

#include <optional>

namespace patrol::plugins {

// Typed is built from the sdk::Table and keeps its columns, which stay valid for the whole run
// (they point into the host's tables, not into the sdk::Table).
template <class Typed>
std::optional<Typed> typedTable(const sdk::Context& context, const char* name) {
    if (const auto table = context.table(name)) return Typed(*table);
    return std::nullopt;
}

}  // namespace patrol::plugins
