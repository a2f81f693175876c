// All tables a plugin declares, read from one data folder at once: the files cut into
// stretches parsed on several threads (StretchBoard), missing files noted (their rules are
// skipped), rejected rows collected.
#pragma once

#include "core/data/read_limits.hpp"
#include "core/data/row_reject.hpp"
#include "core/data/table_data.hpp"
#include "core/data/table_schema.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace patrol::data {

// How far reading has got: bytes read of bytes in all (readDataset).
using ReadProgress = std::function<void(uint64_t bytesRead, uint64_t bytesInAll)>;

class Dataset {
public:
    // The table of that name, or nullptr when its file is missing.
    const TableData* table(const std::string& name) const;
    // Declared tables whose file is not in the folder.
    const std::vector<TableSchema>& missing() const { return missing_; }
    bool isMissing(const std::string& tableName) const;
    // Rejected rows, table by table in declaration order, each in line order: the first
    // ReadLimits::maxListedRejects of them.
    const std::vector<RowReject>& rejects() const { return rejects_; }
    // Every rejected row, listed or not.
    uint64_t rejectCount() const { return rejectCount_; }
    uint64_t acceptedRows() const;

    // Takes all but the string id columns out of every table (TableData::releaseAllButIds): once
    // the plugin has returned, only the findings' refs are looked up, and a heavy check's dataset
    // and findings are then no longer held in full together. Dropping what is returned frees it.
    std::vector<ColumnData> releaseAllButIds();

private:
    friend Dataset readDataset(const std::filesystem::path&, const std::vector<TableSchema>&, unsigned, const ReadLimits&,
                               const ReadProgress&);
    std::vector<std::unique_ptr<TableData>> tables_;
    std::vector<TableSchema> missing_;
    std::vector<RowReject> rejects_;
    uint64_t rejectCount_ = 0;
};

// Reads every declared table from `folder` (file = folder / schema.file) on up to `threads`
// threads (0: one per core). Throws UserError when the folder does not exist or a file is
// unusable (see readTable). `progress`, when given, is told on the calling thread how many bytes
// of the files (after their headers, and after conversion from GB18030) have been read of how
// many: once before reading, after each slice the calling thread reads, and once at the end.
Dataset readDataset(const std::filesystem::path& folder, const std::vector<TableSchema>& tables, unsigned threads = 0,
                    const ReadLimits& limits = {}, const ReadProgress& progress = {});

// UserError unless `folder` is a directory that can be looked into, naming the cause.
void requireDataFolder(const std::filesystem::path& folder);

}  // namespace patrol::data
