#include "core/data/file_text.hpp"

#include "core/data/text_encoding.hpp"
#include "core/domain/errors.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace patrol::data {

namespace {
size_t pageSize() {
    static const size_t size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    return size;
}
}  // namespace

FileText::FileText(std::filesystem::path path) : path_(std::move(path)) { map(); }

FileText::~FileText() { unmap(); }

void FileText::map() {
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw UserError("无法打开数据文件 " + path_.string() + "：" + std::strerror(errno) + "。请检查文件是否存在且可读。");
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw UserError("数据文件 " + path_.string() + " 不是普通文件。请提供 CSV 文件。");
    }
    mapSize_ = static_cast<size_t>(st.st_size);
    if (mapSize_ > 0) {
        // Populated up front: one bulk fault instead of one per page while parsing.
        void* p = ::mmap(nullptr, mapSize_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            mapSize_ = 0;
            throw UserError("无法读取数据文件 " + path_.string() + "：" + std::strerror(err));
        }
        map_ = static_cast<char*>(p);
    }
    ::close(fd);
    const std::string_view raw(map_, mapSize_);
    text_ = raw.substr(utf8BomLength(raw));
}

void FileText::unmap() {
    if (map_) ::munmap(map_, mapSize_);
    map_ = nullptr;
    mapSize_ = 0;
}

void FileText::convertFromGb18030() {
    if (converted_) return;
    unmap();
    map();
    const std::string_view raw(map_, mapSize_);
    size_t badOffset = 0;
    const bool ok = convertGb18030ToUtf8(raw, convertedText_, badOffset);
    const size_t line = 1 + static_cast<size_t>(std::count(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(std::min(badOffset, raw.size())), '\n'));
    unmap();
    if (!ok)
        throw UserError("数据文件 " + path_.string() + " 的编码无法识别：应为 UTF-8 或 GB18030，第 " + std::to_string(line) +
                        " 行附近的字节两者都不是。请用 UTF-8 重新导出该文件。");
    converted_ = true;
    text_ = std::string_view(convertedText_);
    text_ = text_.substr(utf8BomLength(text_));
}

void FileText::release(const char* begin, const char* end) {
    if (!map_ || begin < map_ || end > map_ + mapSize_ || begin >= end) return;
    const size_t page = pageSize();
    const size_t from = static_cast<size_t>(begin - map_) / page * page;
    const size_t to = static_cast<size_t>(end - map_) / page * page;
    // MADV_DONTNEED, not munmap: another thread finishing a record across the boundary may
    // still read these bytes, and then simply faults them in again.
    if (to > from) ::madvise(map_ + from, to - from, MADV_DONTNEED);
}

}  // namespace patrol::data
