#include "core/data/dataset.hpp"

#include "core/data/file_text.hpp"
#include "core/data/table_parts.hpp"
#include "core/data/table_reader.hpp"
#include "core/data/text_encoding.hpp"
#include "core/domain/errors.hpp"

#include <algorithm>
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

std::vector<ColumnData> Dataset::releaseAllButIds() {
    std::vector<ColumnData> released;
    for (const auto& t : tables_)
        for (ColumnData& c : t->releaseAllButIds()) released.push_back(std::move(c));
    return released;
}

uint64_t Dataset::acceptedRows() const {
    uint64_t n = 0;
    for (const auto& t : tables_) n += t->rowCount();
    return n;
}

namespace {

// One file being read: its text, header, and the stretches of its body parsed in parallel.
struct FileJob {
    const TableSchema* schema = nullptr;
    const ReadLimits* limits = nullptr;
    std::string name;
    std::unique_ptr<FileText> file;
    bool checkUtf8 = true;
    detail::HeaderLayout layout;
    std::string_view body;            // the text after the header
    uint32_t bodyLine = 1;            // the physical line the body starts on
    std::vector<size_t> starts;       // offsets into body where each stretch is guessed to start
    std::vector<std::optional<detail::TablePart>> parts;
};

// Reads the header; false when the file turns out not to be UTF-8 there.
bool readHeaderOf(FileJob& job) {
    const std::string_view text = job.file->text();
    RecordScanner scanner(text, job.checkUtf8, false);
    const auto layout = detail::readHeader(scanner, *job.schema, job.name, *job.limits);
    if (!layout) return false;
    job.layout = *layout;
    job.body = text.substr(static_cast<size_t>(scanner.position() - text.data()));
    job.bodyLine = scanner.line();
    return true;
}

// Where the next stretch of the body starts when this one should hold about `size` bytes from
// `from`: just after a line end. A line end inside a quoted field makes a wrong guess;
// joining the parts detects and repairs it.
size_t cutAfter(const FileJob& job, size_t from, size_t size) {
    const size_t smallest = std::max<size_t>(1, job.limits->smallestStretch);
    if (!job.checkUtf8 || job.body.size() - from <= size + smallest) return job.body.size();
    const size_t newline = job.body.find('\n', from + std::max(size, smallest));
    return newline == std::string_view::npos || newline + 1 >= job.body.size() ? job.body.size() : newline + 1;
}

// Joining a file that was cut into stretches (repeated ids, rows dropped, parts moved together)
// costs about as much as parsing this share of its bytes: 4-11 % on the benchmark's files
// (payments.csv 9-11 ms, expenses.csv 8 ms, approvals.csv 4 ms, at 0.37 MB parsed a millisecond).
constexpr size_t kJoinPercent = 8;

// A file larger than one thread's share is surely cut; its join is charged as bytes to parse.
size_t joinCharge(const FileJob& job, size_t share) { return job.body.size() > share ? job.body.size() / 100 * kJoinPercent : 0; }

detail::TablePart parseStretch(FileJob& job, size_t k) {
    const size_t start = job.starts[k];
    const size_t stop = k + 1 < job.starts.size() ? job.starts[k + 1] : job.body.size();
    return detail::parsePart(job.body.substr(start), stop - start, *job.schema, job.layout, job.name, job.file.get(), job.checkUtf8,
                             *job.limits);
}

// The whole file from scratch as GB18030 (some stretch met bytes that are not UTF-8).
TableReadResult readConverted(FileJob& job) {
    job.file->convertFromGb18030();
    job.checkUtf8 = false;
    readHeaderOf(job);
    std::vector<detail::TablePart> parts;
    parts.push_back(detail::parsePart(job.body, job.body.size(), *job.schema, job.layout, job.name, job.file.get(), false, *job.limits));
    return detail::joinParts(std::move(parts), {job.bodyLine - 1}, *job.schema, *job.limits);
}

// Joins the parts in order, checking that each stretch started where the previous one ended.
TableReadResult join(FileJob& job) {
    std::vector<detail::TablePart> parts;
    std::vector<uint32_t> shifts;
    if (!job.checkUtf8) {
        parts.push_back(std::move(*job.parts[0]));
        return detail::joinParts(std::move(parts), {job.bodyLine - 1}, *job.schema, *job.limits);
    }
    if (job.parts[0]->notUtf8) return readConverted(job);
    const char* end = job.parts[0]->end;
    uint32_t nextLine = job.bodyLine + job.parts[0]->newlines;
    parts.push_back(std::move(*job.parts[0]));
    shifts.push_back(job.bodyLine - 1);
    for (size_t k = 1; k < job.parts.size(); ++k) {
        detail::TablePart part = std::move(*job.parts[k]);
        if (part.end && end != job.body.data() + job.starts[k]) {
            // The guess cut a quoted field: read the rest of the file in one pass from where
            // the previous stretch really ended.
            const std::string_view rest = job.body.substr(static_cast<size_t>(end - job.body.data()));
            part = detail::parsePart(rest, rest.size(), *job.schema, job.layout, job.name, job.file.get(), true, *job.limits);
            k = job.parts.size();
        }
        if (part.notUtf8) return readConverted(job);
        end = part.end;
        shifts.push_back(nextLine - 1);
        nextLine += part.newlines;
        parts.push_back(std::move(part));
    }
    return detail::joinParts(std::move(parts), shifts, *job.schema, *job.limits);
}

}  // namespace

void requireDataFolder(const std::filesystem::path& folder) {
    std::error_code ec;
    if (std::filesystem::is_directory(folder, ec)) return;
    // A folder that exists but cannot be looked into (a symlink loop, no permission) says why.
    if (ec && ec != std::errc::no_such_file_or_directory)
        throw UserError("无法读取数据目录 " + folder.string() + "：" + ec.message() + "。请检查该目录及其权限。");
    throw UserError("数据目录 " + folder.string() + " 不存在或不是目录。请指定存放 CSV 文件的目录。", {"data.folder", ""});
}

Dataset readDataset(const std::filesystem::path& folder, const std::vector<TableSchema>& tables, unsigned threads, const ReadLimits& limits) {
    requireDataFolder(folder);
    std::error_code ec;
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());

    Dataset dataset;
    std::vector<FileJob> jobs;
    size_t totalBytes = 0;
    for (const TableSchema& schema : tables) {
        const auto path = folder / schema.file;
        if (!std::filesystem::exists(path, ec)) {
            // Only a file that is really not there skips its rules; one that cannot be looked
            // at (no permission on the folder, a symlink loop) would silently hide findings.
            if (ec && ec != std::errc::no_such_file_or_directory)
                throw UserError("无法读取数据文件 " + path.string() + "：" + ec.message() + "。请检查该文件和所在目录的权限。");
            dataset.missing_.push_back(schema);
            continue;
        }
        FileJob job;
        job.schema = &schema;
        job.limits = &limits;
        job.name = path.string();
        job.file = std::make_unique<FileText>(path);
        if (!readHeaderOf(job)) {
            job.file->convertFromGb18030();
            job.checkUtf8 = false;
            readHeaderOf(job);
        }
        totalBytes += job.body.size();
        jobs.push_back(std::move(job));
    }

    // Give every thread the same work: the largest files first, each cut where the thread with
    // the most room left is full. The first stretch of a file is the one its columns grow from;
    // later ones are moved onto it, so few cuts means little copying. A file is joined by the
    // thread that parses its last stretch, while the other threads go on parsing: the thread
    // that takes the first (largest) stretch of a file that is cut finishes it last, so its room
    // is charged with the join.
    const size_t workers = std::max<size_t>(1, std::min<size_t>(threads, totalBytes >= limits.smallestStretch ? threads : 1));
    const size_t share = totalBytes / workers;
    size_t work = totalBytes;
    for (const FileJob& job : jobs) work += joinCharge(job, share);
    std::vector<size_t> room(workers, work / workers + 1);
    std::vector<std::vector<std::pair<size_t, size_t>>> assigned(workers);
    std::vector<size_t> order(jobs.size());
    for (size_t j = 0; j < jobs.size(); ++j) order[j] = j;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return jobs[a].body.size() > jobs[b].body.size(); });
    for (size_t j : order) {
        FileJob& job = jobs[j];
        for (size_t from = 0;;) {
            const size_t w = static_cast<size_t>(std::max_element(room.begin(), room.end()) - room.begin());
            if (from == 0) room[w] -= std::min(room[w], joinCharge(job, share));
            const size_t to = cutAfter(job, from, room[w]);
            assigned[w].emplace_back(j, job.starts.size());
            job.starts.push_back(from);
            room[w] -= std::min(room[w], to - from);
            if (to >= job.body.size()) break;
            from = to;
        }
        job.parts.resize(job.starts.size());
    }

    std::vector<std::atomic<size_t>> partsLeft(jobs.size());  // per file: the thread that parses the last one joins
    for (size_t j = 0; j < jobs.size(); ++j) partsLeft[j] = jobs[j].starts.size();
    std::vector<std::optional<TableReadResult>> results(jobs.size());
    // Per stretch and per join, each written by one thread only; of several failures the first
    // in the plugin's order of files is reported.
    std::vector<std::vector<std::exception_ptr>> failures(jobs.size());
    for (size_t j = 0; j < jobs.size(); ++j) failures[j].resize(jobs[j].starts.size() + 1);
    auto parseAndJoin = [&](size_t w) {
        for (const auto& [j, k] : assigned[w]) {
            FileJob& job = jobs[j];
            try {
                job.parts[k] = parseStretch(job, k);
            } catch (...) {
                failures[j][k] = std::current_exception();
            }
            if (partsLeft[j].fetch_sub(1) != 1) continue;
            if (std::any_of(failures[j].begin(), failures[j].end(), [](const std::exception_ptr& e) { return e != nullptr; })) continue;
            try {
                results[j] = join(job);
                job.file.reset();
            } catch (...) {
                failures[j].back() = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (size_t w = 1; w < workers; ++w)
        if (!assigned[w].empty()) pool.emplace_back(parseAndJoin, w);
    parseAndJoin(0);
    for (auto& t : pool) t.join();
    for (const auto& file : failures)
        for (const auto& e : file)
            if (e) std::rethrow_exception(e);
    for (auto& result : results) {
        dataset.rejectCount_ += result->rejectCount;
        for (auto& reject : result->rejects)
            if (dataset.rejects_.size() < limits.maxListedRejects) dataset.rejects_.push_back(std::move(reject));
        dataset.tables_.push_back(std::move(result->table));
    }
    return dataset;
}

}  // namespace patrol::data
