// Fuzz entry for the CSV reader: any bytes as a data file read against fuzzedExpenses(). The
// first byte picks small or default read limits so the size-limit paths are reached by short
// inputs too.
// Rejecting the file with a UserError is a correct answer; any other escape is a finding.
#include "core/data/table_reader.hpp"
#include "core/domain/errors.hpp"
#include "fuzzed_expenses.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const patrol::data::TableSchema table = patrol::fuzz::fuzzedExpenses();
    patrol::data::ReadLimits limits;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!text.empty() && (text.front() & 1)) {
        limits.maxFieldBytes = 16;
        limits.maxLineBytes = 64;
        limits.maxListedRejects = 3;
    }
    try {
        const auto result = patrol::data::readTableText(text, table, "expenses.csv", limits);
        if (result.rejects.size() > limits.maxListedRejects || result.rejects.size() > result.rejectCount) std::abort();
        // Every accepted value must be readable where the table says it is.
        const auto& t = *result.table;
        for (uint64_t row = 0; row < t.rowCount(); ++row) {
            if (t.text(0, row).empty()) std::abort();  // a required id was accepted empty
            (void)t.text(6, row);
            (void)t.i32(1, row);
            (void)t.i64(3, row);
            (void)t.sourceLine(row);
        }
    } catch (const patrol::UserError&) {
    }
    return 0;
}
