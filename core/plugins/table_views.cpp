#include "core/plugins/table_views.hpp"

namespace patrol::plugins {

// A table's view with 64-bit offsets for each string column, owning them.
struct TableViews::Widened {
    explicit Widened(const patrol_table& narrow) : table(narrow) {
        const size_t rows = static_cast<size_t>(narrow.row_count);
        columns.assign(narrow.columns, narrow.columns + narrow.column_count);
        offsets.resize(columns.size());
        for (size_t c = 0; c < columns.size(); ++c) {
            patrol_column& column = columns[c];
            if (column.type != PATROL_COLUMN_STRING || !column.text_offsets32) continue;
            offsets[c].assign(column.text_offsets32, column.text_offsets32 + rows + 1);
            column.text_offsets = offsets[c].data();
            column.text_offsets32 = nullptr;  // exactly one of the two is set
        }
        table.columns = columns.data();
    }

    patrol_table table;
    std::vector<patrol_column> columns;
    std::vector<std::vector<uint64_t>> offsets;
};

bool readsTextCodes(AbiVersion built) { return built.major == 1 && built.minor >= 3; }

TableViews::TableViews(AbiVersion built) : widen_(built.major == 1 && built.minor < 2) {}

TableViews::~TableViews() = default;

const patrol_table* TableViews::viewOf(const patrol_table* table) {
    if (!widen_ || !table || table->column_count == 0) return table;
    for (const auto& [host, widened] : made_)
        if (host == table) return &widened->table;
    made_.emplace_back(table, std::make_unique<Widened>(*table));
    return &made_.back().second->table;
}

}  // namespace patrol::plugins
