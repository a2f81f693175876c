#include "core/data/dataset.hpp"

#include "core/data/file_text.hpp"
#include "core/data/stretch_board.hpp"
#include "core/data/table_parts.hpp"
#include "core/data/table_reader.hpp"
#include "core/data/text_encoding.hpp"
#include "core/domain/errors.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
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
};

// One stretch of a file, parsed or failed.
struct ParsedStretch {
    size_t start = 0;  // offset into the body where it was guessed to start
    std::optional<detail::TablePart> part;
    std::exception_ptr failure;
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

// Whether the first lines of a file's body are UTF-8. An export in GB18030 shows it in its first
// rows; such a file is converted before the reading threads start, so that its stretches are
// shared out as any other file's. One that shows it only further on is converted when its
// stretch finds out, and then read in one pass.
bool startsAsUtf8(std::string_view body) {
    constexpr size_t kLooked = size_t{256} << 10;
    if (body.size() > kLooked) {
        const size_t lineEnd = body.rfind('\n', kLooked);
        if (lineEnd == std::string_view::npos) return true;  // one long line: its stretch will tell
        body = body.substr(0, lineEnd + 1);
    }
    return isValidUtf8(body);
}

// Joining a file that was cut into stretches (repeated ids, rows dropped, parts moved together)
// costs about as much as parsing this share of its bytes: 4-11 % on the benchmark's files
// (payments.csv 9-11 ms, expenses.csv 8 ms, approvals.csv 4 ms, at 0.37 MB parsed a millisecond).
constexpr size_t kJoinPercent = 8;

// A file larger than one thread's share is surely cut; its join is charged as bytes to parse.
size_t joinCharge(const FileJob& job, size_t share) { return job.body.size() > share ? job.body.size() / 100 * kJoinPercent : 0; }

// The bytes of the files' bodies parsed so far on every thread, and the caller told of them.
struct ReadCount {
    std::atomic<uint64_t> parsed{0};
    uint64_t total = 0;
    const ReadProgress* progress = nullptr;
    uint64_t told = ~uint64_t{0};  // the count last told: each count is told once

    // Called on the calling thread only: the caller's sink need not be thread-safe.
    void tell() {
        if (!progress || !*progress) return;
        const uint64_t read = std::min(parsed.load(std::memory_order_relaxed), total);
        if (read == told) return;
        told = read;
        (*progress)(read, total);
    }
};

// Parses stretch `s` on thread `worker`, counting the bytes it gets through a slice at a time;
// the calling thread (worker 0) also tells the count. A file read again from its start (a cut
// in a quoted field, GB18030 found late) counts past the total, which caps it.
detail::TablePart parseStretch(FileJob& job, const detail::Stretch& s, detail::StretchBoard& board, ReadCount& count, size_t worker) {
    size_t counted = 0;  // bytes of the stretch, from its start
    const auto countTo = [&](size_t at) {
        if (at > counted) {
            count.parsed.fetch_add(at - counted, std::memory_order_relaxed);
            counted = at;
        }
        if (worker == 0) count.tell();
    };
    detail::TablePart part =
        detail::parsePart(job.body.substr(s.start), s.stop - s.start, *job.schema, job.layout, job.name, job.file.get(), job.checkUtf8,
                          *job.limits, [&](size_t at, size_t stop) {
                              countTo(at);
                              return board.share(s, s.start + at, s.start + stop) - s.start;
                          });
    if (part.end) countTo(static_cast<size_t>(part.end - (job.body.data() + s.start)));
    return part;
}

TableReadResult readConverted(FileJob& job);

// The whole file from scratch in one pass.
TableReadResult readInOnePass(FileJob& job) {
    readHeaderOf(job);
    std::vector<detail::TablePart> parts;
    parts.push_back(detail::parsePart(job.body, job.body.size(), *job.schema, job.layout, job.name, job.file.get(), job.checkUtf8, *job.limits));
    if (parts[0].notUtf8) return readConverted(job);
    return detail::joinParts(std::move(parts), {job.bodyLine - 1}, *job.schema, *job.limits);
}

// The whole file from scratch as GB18030 (some stretch met bytes that are not UTF-8).
TableReadResult readConverted(FileJob& job) {
    job.file->convertFromGb18030();
    job.checkUtf8 = false;
    return readInOnePass(job);
}

// Joins the parts in order of their starts, checking that each stretch started where the
// previous one ended.
TableReadResult join(FileJob& job, std::vector<ParsedStretch>& stretches) {
    std::vector<detail::TablePart> parts;
    std::vector<uint32_t> shifts;
    if (stretches[0].part->notUtf8) return readConverted(job);
    const char* end = stretches[0].part->end;
    uint32_t nextLine = job.bodyLine + stretches[0].part->newlines;
    parts.push_back(std::move(*stretches[0].part));
    shifts.push_back(job.bodyLine - 1);
    for (size_t k = 1; k < stretches.size(); ++k) {
        detail::TablePart part = std::move(*stretches[k].part);
        if (part.end && end != job.body.data() + stretches[k].start) {
            // The guess cut a quoted field: read the rest of the file in one pass from where
            // the previous stretch really ended. A text of the reader's own whose read pages
            // went back is made again, and read again from its start.
            if (job.file->readAgain()) {
                parts.clear();
                for (ParsedStretch& stretch : stretches) stretch.part.reset();
                return readInOnePass(job);
            }
            const std::string_view rest = job.body.substr(static_cast<size_t>(end - job.body.data()));
            part = detail::parsePart(rest, rest.size(), *job.schema, job.layout, job.name, job.file.get(), job.checkUtf8, *job.limits);
            k = stretches.size();
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

Dataset readDataset(const std::filesystem::path& folder, const std::vector<TableSchema>& tables, unsigned threads, const ReadLimits& limits,
                    const ReadProgress& progress) {
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
        if (!readHeaderOf(job) || !startsAsUtf8(job.body)) {
            job.file->convertFromGb18030();
            job.checkUtf8 = false;
            readHeaderOf(job);
        }
        totalBytes += job.body.size();
        jobs.push_back(std::move(job));
    }

    const size_t workers = std::max<size_t>(1, std::min<size_t>(threads, totalBytes >= limits.smallestStretch ? threads : 1));
    const size_t share = totalBytes / workers;
    std::vector<detail::BoardFile> files;
    for (const FileJob& job : jobs) files.push_back({job.body, joinCharge(job, share)});
    detail::StretchBoard board(std::move(files), workers, limits.smallestStretch, limits.leastShared, limits.shareAlways);
    ReadCount count;
    count.total = totalBytes;
    count.progress = &progress;
    count.tell();

    // Per file: its stretches as they are parsed, then its table or why joining it failed. A
    // file is joined by the thread that finishes its last stretch; of several failures the first
    // in the plugin's order of files, and in a file the first stretch's, is reported.
    std::mutex parsedMutex;
    std::vector<std::vector<ParsedStretch>> parsed(jobs.size());
    std::vector<std::optional<TableReadResult>> results(jobs.size());
    std::vector<std::exception_ptr> joinFailures(jobs.size());
    auto byStart = [](const ParsedStretch& a, const ParsedStretch& b) { return a.start < b.start; };
    auto parseAndJoin = [&](size_t w) {
        while (const std::optional<detail::Stretch> s = board.next(w)) {
            FileJob& job = jobs[s->file];
            ParsedStretch done{s->start, std::nullopt, nullptr};
            try {
                done.part = parseStretch(job, *s, board, count, w);
            } catch (...) {
                done.failure = std::current_exception();
            }
            {
                std::lock_guard lock(parsedMutex);
                parsed[s->file].push_back(std::move(done));
            }
            if (!board.finished(s->file)) continue;
            // The file's last stretch: no other thread touches its parts from here on.
            std::vector<ParsedStretch>& stretches = parsed[s->file];
            std::sort(stretches.begin(), stretches.end(), byStart);
            if (std::any_of(stretches.begin(), stretches.end(), [](const ParsedStretch& p) { return p.failure != nullptr; })) continue;
            try {
                results[s->file] = join(job, stretches);
                job.file.reset();
            } catch (...) {
                joinFailures[s->file] = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (size_t w = 1; w < board.workers(); ++w) pool.emplace_back(parseAndJoin, w);
    parseAndJoin(0);
    for (auto& t : pool) t.join();
    count.parsed.store(totalBytes, std::memory_order_relaxed);
    count.tell();
    for (size_t j = 0; j < jobs.size(); ++j) {
        for (const ParsedStretch& p : parsed[j])
            if (p.failure) std::rethrow_exception(p.failure);
        if (joinFailures[j]) std::rethrow_exception(joinFailures[j]);
    }
    for (auto& result : results) {
        dataset.rejectCount_ += result->rejectCount;
        for (auto& reject : result->rejects)
            if (dataset.rejects_.size() < limits.maxListedRejects) dataset.rejects_.push_back(std::move(reject));
        dataset.tables_.push_back(std::move(result->table));
    }
    return dataset;
}

}  // namespace patrol::data
