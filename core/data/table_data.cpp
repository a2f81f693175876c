#include "core/data/table_data.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <functional>
#include <future>
#include <numeric>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <utility>

namespace patrol::data {

namespace {

uint64_t bytesHeld(const ColumnData& c) {
    return 4 * c.offsets.size() + c.bytes.size() + 4 * c.codes.size() + 4 * c.i32.size() + 8 * c.i64.size();
}

// The bytes a STRING column's rows take spelled out.
uint64_t spelledOutBytes(const ColumnData& c) {
    if (!c.coded) return c.bytes.size();
    uint64_t bytes = 0;
    for (size_t r = 0; r < c.codes.size(); ++r) bytes += c.text(r).size();
    return bytes;
}

// Runs work(i) for every i < sizes.size(), on two threads when there is enough to do. A
// table's columns are independent, and moving one (copying, faulting in new pages, freeing
// old ones) costs in proportion to its size, so they are shared out by size.
void shareOut(const std::vector<uint64_t>& sizes, const std::function<void(size_t)>& work) {
    constexpr uint64_t kWorthAThread = uint64_t{4} << 20;
    std::vector<size_t> order(sizes.size());
    std::iota(order.begin(), order.end(), size_t{0});
    if (std::accumulate(sizes.begin(), sizes.end(), uint64_t{0}) < kWorthAThread || std::thread::hardware_concurrency() < 2) {
        for (const size_t i : order) work(i);
        return;
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return sizes[a] > sizes[b]; });
    std::vector<size_t> here, there;
    uint64_t hereBytes = 0, thereBytes = 0;
    for (const size_t i : order) {
        const bool toHere = hereBytes <= thereBytes;
        (toHere ? here : there).push_back(i);
        (toHere ? hereBytes : thereBytes) += sizes[i];
    }
    std::future<void> other;
    try {
        other = std::async(std::launch::async, [&] {
            for (const size_t i : there) work(i);
        });
    } catch (const std::system_error&) {
        here.insert(here.end(), there.begin(), there.end());  // no second thread: all of it here
    }
    std::exception_ptr failed;
    try {
        for (const size_t i : here) work(i);
    } catch (...) {
        failed = std::current_exception();
    }
    if (other.valid()) other.get();  // waits; rethrows the other thread's failure
    if (failed) std::rethrow_exception(failed);
}

}  // namespace

TableData::TableData(const TableSchema& schema, std::string path) : schema_(schema), path_(std::move(path)) {
    columns_.resize(schema_.columns.size());
    for (size_t i = 0; i < columns_.size(); ++i) {
        columns_[i].schema = &schema_.columns[i];
        if (schema_.columns[i].type == PATROL_COLUMN_STRING) columns_[i].offsets.push_back(0);
    }
    seal();
}

void ColumnData::uncode(size_t rows, size_t maxBytes) {
    if (!coded) return;
    const size_t count = codes.size();
    const uint64_t needed = spelledOutBytes(*this);
    const uint64_t guess = count ? std::min<uint64_t>(maxBytes, needed / count * std::max(rows, count) / 4 * 5) : 0;
    PodBuffer<uint32_t> rowOffsets;
    PodBuffer<char> rowBytes;
    rowOffsets.reserve(std::max(rows, count) + 1);
    rowBytes.reserve(static_cast<size_t>(std::max(needed, guess)));
    rowOffsets.push_back(0);
    for (size_t r = 0; r < count; ++r) {
        const std::string_view t = text(r);
        rowBytes.append(t.data(), t.size());
        rowOffsets.push_back(static_cast<uint32_t>(rowBytes.size()));
    }
    offsets = std::move(rowOffsets);
    bytes = std::move(rowBytes);
    codes = PodBuffer<uint32_t>();
    index.reset();
    coded = false;
}

void TableData::codeTexts() {
    for (ColumnData& c : columns_) {
        if (c.schema->type != PATROL_COLUMN_STRING || c.schema->isId) continue;
        c.coded = true;
        c.index = std::make_unique<TextIndex>();
    }
}

size_t TableData::columnIndex(std::string_view name) const {
    for (size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].schema->name == name) return i;
    throw std::out_of_range("no declared column " + std::string(name));
}

void TableData::dropRows(const std::vector<uint32_t>& sortedRows) {
    if (sortedRows.empty()) return;
    const size_t rows = lines_.size();
    // Kept rows form runs between dropped ones; each run moves down in one block.
    auto forEachRun = [&](auto&& move) {
        size_t out = 0, begin = 0;
        for (size_t k = 0; k <= sortedRows.size(); ++k) {
            const size_t end = k < sortedRows.size() ? sortedRows[k] : rows;
            if (end > begin) {
                move(begin, end, out);
                out += end - begin;
            }
            begin = end + 1;
        }
        return out;
    };
    auto compact = [&](auto& values) {
        const size_t kept = forEachRun([&](size_t begin, size_t end, size_t out) {
            if (out != begin) std::memmove(values.data() + out, values.data() + begin, (end - begin) * sizeof(values[0]));
        });
        values.truncate(kept);
    };
    std::vector<uint64_t> sizes;
    for (const ColumnData& c : columns_) sizes.push_back(bytesHeld(c));
    sizes.push_back(4 * lines_.size());
    shareOut(sizes, [&](size_t i) {
        if (i == columns_.size()) {
            compact(lines_);
            return;
        }
        ColumnData& c = columns_[i];
        switch (c.schema->type) {
        case PATROL_COLUMN_STRING: {
            if (c.coded) {  // the distinct texts stay, used or not
                compact(c.codes);
                break;
            }
            // offsets[r + 1] ends row r: shift each run's ends by the bytes dropped before it.
            uint64_t bytesOut = 0;
            const size_t kept = forEachRun([&](size_t begin, size_t end, size_t out) {
                const uint64_t from = c.offsets[begin], to = c.offsets[end];
                const uint64_t shift = from - bytesOut;
                if (shift) std::memmove(c.bytes.data() + bytesOut, c.bytes.data() + from, to - from);
                for (size_t r = begin; r < end; ++r) c.offsets.data()[out + (r - begin) + 1] = static_cast<uint32_t>(c.offsets[r + 1] - shift);
                bytesOut += to - from;
            });
            c.offsets.truncate(kept + 1);
            c.bytes.truncate(bytesOut);
            break;
        }
        case PATROL_COLUMN_MONEY:
        case PATROL_COLUMN_INTEGER: compact(c.i64); break;
        default: compact(c.i32); break;
        }
    });
}

void TableData::shiftLines(uint32_t by) {
    if (by == 0) return;
    for (size_t r = 0; r < lines_.size(); ++r) lines_.data()[r] += by;
}

void TableData::reserveToAppend(const std::vector<const TableData*>& parts) {
    size_t rows = lines_.size();
    for (const TableData* part : parts) rows += part->lines_.size();
    lines_.reserve(rows);
    for (size_t c = 0; c < columns_.size(); ++c) {
        ColumnData& col = columns_[c];
        switch (col.schema->type) {
        case PATROL_COLUMN_STRING: {
            // A column stays coded only if every part kept it coded: one part that found its
            // texts mostly distinct spells the whole column out.
            bool coded = col.coded;
            for (const TableData* part : parts) coded = coded && part->columns_[c].coded;
            if (coded) {
                col.codes.reserve(rows);
                break;
            }
            uint64_t bytes = spelledOutBytes(col);
            for (const TableData* part : parts) bytes += spelledOutBytes(part->columns_[c]);
            col.uncode(0, 0);
            col.offsets.reserve(rows + 1);
            col.bytes.reserve(static_cast<size_t>(bytes));
            break;
        }
        case PATROL_COLUMN_MONEY:
        case PATROL_COLUMN_INTEGER: col.i64.reserve(rows); break;
        default: col.i32.reserve(rows); break;
        }
    }
}

void TableData::append(TableData& part, uint32_t lineShift, const std::vector<uint32_t>& skipRows) {
    part.dropRows(skipRows);
    const size_t rows = part.lines_.size();
    auto same = [](auto v) { return v; };
    std::vector<uint64_t> sizes;
    for (const ColumnData& c : part.columns_) sizes.push_back(bytesHeld(c));
    sizes.push_back(4 * rows);
    // Each column's pages move over (PodBuffer::appendMovingPages), so joining never holds two
    // copies of the table and faults in no new memory.
    shareOut(sizes, [&](size_t c) {
        if (c == columns_.size()) {
            lines_.appendMovingPages(part.lines_, 0, [lineShift](uint32_t line) { return line + lineShift; });
            return;
        }
        ColumnData& to = columns_[c];
        ColumnData& from = part.columns_[c];
        switch (to.schema->type) {
        case PATROL_COLUMN_STRING: {
            if (to.coded && from.coded) {
                // The part's distinct texts join this column's; its codes are renumbered.
                std::vector<uint32_t> renumbered(from.offsets.size() - 1);
                for (size_t k = 0; k < renumbered.size(); ++k) renumbered[k] = to.index->entryOf(from.entry(k), to.offsets, to.bytes);
                to.codes.appendMovingPages(from.codes, 0, [&renumbered](uint32_t code) { return renumbered[code]; });
                break;
            }
            to.uncode(0, 0);  // reserveToAppend has done so when it knew of this part
            from.uncode(0, 0);
            // The part's offsets count from its own first byte (offsets[0] = 0, left out).
            // Both parts are of one file, whose text fits in 32 bits.
            const auto base = static_cast<uint32_t>(to.bytes.size());
            to.bytes.appendMovingPages(from.bytes, 0, same);
            to.offsets.appendMovingPages(from.offsets, 1, [base](uint32_t offset) { return offset + base; });
            break;
        }
        case PATROL_COLUMN_MONEY:
        case PATROL_COLUMN_INTEGER: to.i64.appendMovingPages(from.i64, 0, same); break;
        default: to.i32.appendMovingPages(from.i32, 0, same); break;
        }
    });
}

std::vector<ColumnData> TableData::releaseAllButIds() {
    std::vector<ColumnData> released;
    for (size_t i = 0; i < columns_.size(); ++i) {
        ColumnData& c = columns_[i];
        if (c.schema->isId && c.schema->type == PATROL_COLUMN_STRING) continue;
        ColumnData& out = released.emplace_back();
        out.offsets = std::move(c.offsets);
        out.bytes = std::move(c.bytes);
        out.codes = std::move(c.codes);
        out.i32 = std::move(c.i32);
        out.i64 = std::move(c.i64);
        if (i >= abiColumns_.size()) continue;  // not sealed: no view to mend
        patrol_column& a = abiColumns_[i];
        a.text_offsets32 = nullptr;
        a.text_bytes = nullptr;
        a.text_codes = nullptr;
        a.text_distinct = 0;
        a.i32 = nullptr;
        a.i64 = nullptr;
    }
    return released;
}

void TableData::seal() {
    lines_.releaseSpare();
    for (ColumnData& c : columns_) {
        // A table without rows has no codes to hand over: its columns are plain, and empty.
        if (lines_.size() == 0) c.uncode(0, 0);
        c.index.reset();
        c.codes.releaseSpare();
        c.offsets.releaseSpare();
        c.bytes.releaseSpare();
        c.i32.releaseSpare();
        c.i64.releaseSpare();
    }
    abiColumns_.assign(columns_.size(), patrol_column{});
    for (size_t i = 0; i < columns_.size(); ++i) {
        const ColumnData& c = columns_[i];
        patrol_column& a = abiColumns_[i];
        a.struct_size = sizeof(patrol_column);
        a.type = static_cast<uint32_t>(c.schema->type);
        a.name = c.schema->name.c_str();
        switch (c.schema->type) {
        case PATROL_COLUMN_STRING:
            a.text_offsets32 = c.offsets.data();
            // A plugin may read bytes of an all-empty column: never hand it NULL.
            a.text_bytes = c.bytes.data() ? c.bytes.data() : "";
            if (c.coded) {
                a.text_codes = c.codes.data();
                a.text_distinct = c.offsets.size() - 1;
            }
            break;
        case PATROL_COLUMN_MONEY:
        case PATROL_COLUMN_INTEGER: a.i64 = c.i64.data(); break;
        default: a.i32 = c.i32.data(); break;
        }
    }
    abiTable_.struct_size = sizeof(patrol_table);
    abiTable_.name = schema_.name.c_str();
    abiTable_.row_count = lines_.size();
    abiTable_.column_count = static_cast<uint32_t>(abiColumns_.size());
    abiTable_.columns = abiColumns_.data();
    abiTable_.source_lines = lines_.data();
}

}  // namespace patrol::data
