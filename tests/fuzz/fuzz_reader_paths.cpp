// Fuzz entry for the reader's fast paths against its plain one: any bytes as a data file, read
// five ways. The reference reads every row byte by byte in one pass (ReadLimits::fastRows off);
// then one pass with the rows split 64 bytes at a time where they can be; then the parallel
// reader, the file cut into stretches a few bytes apart (ReadLimits::smallestStretch) on 2 to
// 5 threads; then that again with repeating texts coded (ReadLimits::textCodes), looked at
// every 1 to 8 rows (by the last byte) so that some stretches spell their columns out; then that
// again with every stretch halved while it is parsed (ReadLimits::shareAlways), every 1 to 32
// bytes (by the last byte). Texts are read through the plugin's view. All five must give the
// same rows, the same rejects and count, or refuse the file with the same message. The cuts
// land anywhere: inside quoted fields, before bytes that are not UTF-8, between an id and its
// repeat. The first byte picks the threads, the smallest stretch and whether the read limits
// are small.
#include "core/data/dataset.hpp"
#include "core/data/table_reader.hpp"
#include "core/domain/errors.hpp"
#include "data/temp_folder.hpp"
#include "fuzzed_expenses.hpp"

#include <patrol/sdk/plugin.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace patrol;

// Everything a read gave, as text: the refusal, or every row's values and every reject.
std::vector<std::string> outcome(const data::TableData* table, const std::vector<data::RowReject>& rejects, uint64_t rejectCount) {
    std::vector<std::string> out{"rejected " + std::to_string(rejectCount)};
    for (const auto& r : rejects) out.push_back(r.format());
    for (uint64_t r = 0; table && r < table->rowCount(); ++r) {
        std::string row = std::to_string(table->sourceLine(r));
        for (size_t c = 0; c < table->schema().columns.size(); ++c) {
            const auto type = table->schema().columns[c].type;
            row += '|';
            if (type == PATROL_COLUMN_STRING)
                row += sdk::Column(&table->abi()->columns[c]).text(r);  // as a plugin reads it
            else if (type == PATROL_COLUMN_MONEY || type == PATROL_COLUMN_INTEGER)
                row += std::to_string(table->i64(c, r));
            else
                row += std::to_string(table->i32(c, r));
        }
        out.push_back(row);
    }
    return out;
}

// Reads the file in one pass, as `limits` say; a refusal is an outcome too.
std::vector<std::string> readOnePass(const std::filesystem::path& file, const data::TableSchema& schema, const data::ReadLimits& limits) {
    try {
        const data::TableReadResult r = data::readTable(file, schema, limits);
        return outcome(r.table.get(), r.rejects, r.rejectCount);
    } catch (const UserError& e) {
        return {std::string("refused: ") + e.what()};
    }
}

// Reads the folder's file cut into stretches on `threads` threads; a refusal is an outcome too.
std::vector<std::string> readInStretches(const std::filesystem::path& folder, const std::vector<data::TableSchema>& tables, unsigned threads,
                                         const data::ReadLimits& limits) {
    try {
        const data::Dataset d = data::readDataset(folder, tables, threads, limits);
        return outcome(d.table(tables[0].name), d.rejects(), d.rejectCount());
    } catch (const UserError& e) {
        return {std::string("refused: ") + e.what()};
    }
}

// Aborts, naming the first difference, unless `got` (read as `how`) equals the reference.
void requireSame(const std::vector<std::string>& reference, const std::vector<std::string>& got, const std::string& how) {
    if (reference == got) return;
    for (size_t i = 0; i < std::max(reference.size(), got.size()); ++i) {
        const std::string a = i < reference.size() ? reference[i] : "(none)";
        const std::string b = i < got.size() ? got[i] : "(none)";
        if (a != b) {
            std::fprintf(stderr, "byte by byte and %s differ at item %zu:\n  byte by byte: %s\n  %s: %s\n", how.c_str(), i, a.c_str(),
                         how.c_str(), b.c_str());
            break;
        }
    }
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
    static const std::vector<data::TableSchema> tables = {fuzz::fuzzedExpenses()};
    if (size == 0) return 0;
    const uint8_t knobs = bytes[0];
    data::ReadLimits limits;
    limits.smallestStretch = 1 + (knobs >> 3) * 4;  // 1 to 125 bytes
    if (knobs & 4) {
        limits.maxFieldBytes = 16;
        limits.maxLineBytes = 64;
        limits.maxListedRejects = 3;
    }
    const unsigned threads = 2 + (knobs & 3);
    static const testing::TempFolder folder;  // one for the whole run, removed at exit
    const auto file = folder.write(tables[0].file, std::string(reinterpret_cast<const char*>(bytes + 1), size - 1));

    data::ReadLimits plain = limits;
    plain.fastRows = false;
    const std::vector<std::string> reference = readOnePass(file, tables[0], plain);
    requireSame(reference, readOnePass(file, tables[0], limits), "fast rows");
    requireSame(reference, readInStretches(folder.path(), tables, threads, limits), std::to_string(threads) + " threads");
    data::ReadLimits coded = limits;
    coded.textCodes = true;
    coded.codingReview = 1 + bytes[size - 1] % 8;  // columns spelled out after a few rows, in some stretches only
    requireSame(reference, readInStretches(folder.path(), tables, threads, coded), std::to_string(threads) + " threads, texts coded");
    data::ReadLimits shared = coded;
    shared.shareAlways = true;  // every stretch halved again and again while it is parsed
    shared.shareSlice = 1 + bytes[size - 1] / 8;  // 1 to 32 bytes between looks
    shared.leastShared = 2 * limits.smallestStretch;
    requireSame(reference, readInStretches(folder.path(), tables, threads, shared), std::to_string(threads) + " threads, stretches shared");
    return 0;
}
