#include "core/data/dataset.hpp"

#include "core/data/table_reader.hpp"
#include "core/domain/errors.hpp"

#include <atomic>
#include <exception>
#include <optional>
#include <thread>

namespace patrol::data {

const TableData* Dataset::table(const std::string& name) const {
    for (const auto& t : tables_)
        if (t->schema().name == name) return t.get();
    return nullptr;
}

bool Dataset::isMissing(const std::string& tableName) const {
    for (const auto& s : missing_)
        if (s.name == tableName) return true;
    return false;
}

uint64_t Dataset::acceptedRows() const {
    uint64_t n = 0;
    for (const auto& t : tables_) n += t->rowCount();
    return n;
}

Dataset readDataset(const std::filesystem::path& folder, const std::vector<TableSchema>& tables, unsigned threads) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw UserError("数据目录 " + folder.string() + " 不存在或不是目录。请用 --data 指定存放 CSV 文件的目录。");

    Dataset dataset;
    std::vector<size_t> present;
    for (size_t i = 0; i < tables.size(); ++i) {
        if (std::filesystem::exists(folder / tables[i].file, ec))
            present.push_back(i);
        else
            dataset.missing_.push_back(tables[i]);
    }

    std::vector<std::optional<TableReadResult>> results(tables.size());
    std::vector<std::exception_ptr> errors(tables.size());
    std::atomic<size_t> nextTask{0};
    auto work = [&] {
        for (size_t k; (k = nextTask.fetch_add(1)) < present.size();) {
            const size_t i = present[k];
            try {
                results[i] = readTable(folder / tables[i].file, tables[i]);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const size_t workers = std::min<size_t>(threads, present.size());
    std::vector<std::thread> pool;
    for (size_t w = 1; w < workers; ++w) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();

    // The first unusable file in declaration order decides the error, whatever thread saw it.
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
    for (auto& r : results) {
        if (!r) continue;
        for (auto& reject : r->rejects) dataset.rejects_.push_back(std::move(reject));
        dataset.tables_.push_back(std::move(r->table));
    }
    return dataset;
}

}  // namespace patrol::data
