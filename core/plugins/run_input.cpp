#include "core/plugins/run_input.hpp"

#include "core/domain/errors.hpp"
#include "core/plugins/wire.hpp"

#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace patrol::plugins {

namespace {

constexpr int64_t kAbsent = -1;
size_t aligned(size_t n) { return (n + 7) & ~size_t{7}; }

[[noreturn]] void refused(const std::string& what) { throw InternalError("无法为隔离进程准备数据（" + what + "：" + ::strerror(errno) + "）"); }

void writeAt(int fd, const void* data, size_t size, off_t at) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, p, size, at);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) refused("写入内存文件");
        p += n;
        size -= static_cast<size_t>(n);
        at += n;
    }
}

}  // namespace

int writeRunInput(const RunInput& input, const PluginMetadata& metadata, const data::Dataset* dataset) {
    // Each array goes to its own 8-aligned place after the header, in the order placed.
    struct Chunk {
        const void* data;
        size_t size;
        size_t at;
    };
    std::vector<Chunk> chunks;
    size_t end = 0;
    auto place = [&](const void* data, size_t size) -> int64_t {
        if (!data) return kAbsent;
        chunks.push_back({data, size, end});
        end += aligned(size);
        return static_cast<int64_t>(chunks.back().at);
    };

    wire::Writer w;
    w.text(input.library.string());
    w.text(input.metadataFile.string());
    w.i32(input.asOf);
    w.u32(static_cast<uint32_t>(input.settings.size()));
    for (const auto& [key, value] : input.settings) {
        w.text(key);
        w.text(value);
    }
    std::vector<const patrol_table*> tables;
    std::vector<std::string> names;
    for (const auto& schema : metadata.tables)
        if (const data::TableData* t = dataset ? dataset->table(schema.name) : nullptr) {
            tables.push_back(t->abi());
            names.push_back(schema.name);
        }
    w.u32(static_cast<uint32_t>(tables.size()));
    for (size_t i = 0; i < tables.size(); ++i) {
        const patrol_table& t = *tables[i];
        const size_t rows = t.row_count;
        w.text(names[i]);
        w.i64(static_cast<int64_t>(rows));
        w.u32(t.column_count);
        for (uint32_t c = 0; c < t.column_count; ++c) {
            const patrol_column& col = t.columns[c];
            w.text(col.name ? col.name : "");
            w.u32(col.type);
            // A coded column's offsets run over its distinct texts, not its rows.
            const size_t entries = col.text_codes ? static_cast<size_t>(col.text_distinct) : rows;
            w.i64(static_cast<int64_t>(col.text_codes ? entries : 0));
            w.i64(place(col.text_codes, col.text_codes ? rows * sizeof(uint32_t) : 0));
            w.i64(place(col.text_offsets32, (entries + 1) * sizeof(uint32_t)));
            w.i64(place(col.text_bytes, col.text_offsets32 ? col.text_offsets32[entries] : 0));
            w.i64(place(col.i32, rows * sizeof(int32_t)));
            w.i64(place(col.i64, rows * sizeof(int64_t)));
        }
        w.i64(place(t.source_lines, rows * sizeof(uint32_t)));
    }
    const std::string header = w.frame(wire::Done);
    const size_t dataStart = aligned(header.size());

    const int fd = ::memfd_create("patrol-run-input", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) refused("创建内存文件");
    try {
        if (::ftruncate(fd, static_cast<off_t>(dataStart + end)) != 0) refused("设定内存文件大小");
        writeAt(fd, header.data(), header.size(), 0);
        for (const Chunk& c : chunks) writeAt(fd, c.data, c.size, static_cast<off_t>(dataStart + c.at));
        // The child gets a file nobody can change any more.
        if (::fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) refused("封存内存文件");
    } catch (...) {
        ::close(fd);
        throw;
    }
    return fd;
}

MappedRunInput::MappedRunInput(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_size < 5) throw std::runtime_error("run input missing");
    size_ = static_cast<size_t>(st.st_size);
    base_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (base_ == MAP_FAILED) {
        base_ = nullptr;
        throw std::runtime_error("run input cannot be mapped");
    }
    const char* bytes = static_cast<const char*>(base_);
    wire::Reader file(std::string_view(bytes, size_));
    wire::Kind kind;
    std::string_view payload;
    if (!file.frame(kind, payload)) throw std::runtime_error("run input header truncated");
    const size_t dataStart = aligned(5 + payload.size());
    if (dataStart > size_) throw std::runtime_error("run input data missing");
    const size_t dataSize = size_ - dataStart;
    // A pointer into the data part, checked to lie inside it.
    auto at = [&](int64_t offset, size_t size) -> const char* {
        if (offset == kAbsent) return nullptr;
        if (offset < 0 || static_cast<size_t>(offset) > dataSize || size > dataSize - static_cast<size_t>(offset))
            throw std::runtime_error("run input array out of bounds");
        return bytes + dataStart + offset;
    };

    wire::Reader r(payload);
    input_.library = r.text();
    input_.metadataFile = r.text();
    input_.asOf = r.i32();
    for (uint32_t n = r.u32(); n > 0; --n) {
        std::string key = r.text();
        input_.settings[key] = r.text();
    }
    for (uint32_t n = r.u32(); n > 0; --n) {
        auto t = std::make_unique<Table>();
        t->name = r.text();
        const size_t rows = static_cast<size_t>(r.i64());
        const uint32_t columns = r.u32();
        t->columnNames.reserve(columns);
        for (uint32_t c = 0; c < columns; ++c) {
            patrol_column col{};
            col.struct_size = sizeof(patrol_column);
            t->columnNames.push_back(r.text());
            col.type = r.u32();
            const int64_t distinct = r.i64();
            if (distinct < 0 || static_cast<uint64_t>(distinct) > dataSize) throw std::runtime_error("run input column out of bounds");
            col.text_distinct = static_cast<uint64_t>(distinct);
            col.text_codes = reinterpret_cast<const uint32_t*>(at(r.i64(), rows * sizeof(uint32_t)));
            const size_t entries = col.text_codes ? static_cast<size_t>(distinct) : rows;
            col.text_offsets32 = reinterpret_cast<const uint32_t*>(at(r.i64(), (entries + 1) * sizeof(uint32_t)));
            const int64_t textAt = r.i64();
            col.text_bytes = at(textAt, col.text_offsets32 ? col.text_offsets32[entries] : 0);
            col.i32 = reinterpret_cast<const int32_t*>(at(r.i64(), rows * sizeof(int32_t)));
            col.i64 = reinterpret_cast<const int64_t*>(at(r.i64(), rows * sizeof(int64_t)));
            t->columns.push_back(col);
        }
        for (uint32_t c = 0; c < columns; ++c) t->columns[c].name = t->columnNames[c].c_str();
        t->abi.struct_size = sizeof(patrol_table);
        t->abi.name = t->name.c_str();
        t->abi.row_count = rows;
        t->abi.column_count = columns;
        t->abi.columns = t->columns.data();
        t->abi.source_lines = reinterpret_cast<const uint32_t*>(at(r.i64(), rows * sizeof(uint32_t)));
        tables_.push_back(std::move(t));
    }
}

MappedRunInput::~MappedRunInput() {
    if (base_) ::munmap(base_, size_);
}

const patrol_table* MappedRunInput::table(const std::string& name) const {
    for (const auto& t : tables_)
        if (t->name == name) return &t->abi;
    return nullptr;
}

}  // namespace patrol::plugins
