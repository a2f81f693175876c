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
    released_ = 0;
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
    if (map_ && released_ < mapSize_) ::munmap(map_ + released_, mapSize_ - released_);
    map_ = nullptr;
    released_ = mapSize_ = 0;
}

void FileText::convertFromGb18030() {
    if (converted_) return;
    unmap();  // parts may already be released: start again from the whole file
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

void FileText::release(const char* consumed) {
    if (!map_ || consumed < map_ || consumed > map_ + mapSize_) return;
    const size_t upTo = static_cast<size_t>(consumed - map_) / pageSize() * pageSize();
    if (upTo <= released_) return;
    ::munmap(map_ + released_, upTo - released_);
    released_ = upTo;
}

}  // namespace patrol::data
