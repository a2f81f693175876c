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

FileText::FileText(std::filesystem::path path) : path_(std::move(path)) {
    map();
    acceptCrLineEnds();
}

FileText::~FileText() { unmap(); }

void FileText::map() {
    // Checked before opening, and opened without blocking: open() of a FIFO waits for a writer.
    struct stat st {};
    if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) refuseSpecialFile(st.st_mode);
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        throw UserError("无法打开数据文件 " + path_.string() + "：" + std::strerror(errno) + "。请检查文件是否存在且可读。");
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        refuseSpecialFile(st.st_mode);
    }
    mapSize_ = static_cast<size_t>(st.st_size);
    if (mapSize_ > 0) {
        // Not populated up front: the stretch that first reads a page maps it and the fifteen
        // after it (the kernel's fault-around) on its own thread, and readahead keeps the pages
        // of a file not yet cached coming. MAP_POPULATE mapped the whole file on the calling
        // thread before any stretch started: 3-5 ms more for a usual check, 10-16 ms with the
        // files not cached.
        void* p = ::mmap(nullptr, mapSize_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            mapSize_ = 0;
            throw UserError("无法读取数据文件 " + path_.string() + "：" + std::strerror(err));
        }
        map_ = static_cast<char*>(p);
        guard_ = ShrinkGuard(map_, mapSize_, path_.string());
    }
    ::close(fd);
    const std::string_view raw(map_, mapSize_);
    text_ = raw.substr(utf8BomLength(raw));
}

std::string specialFileKind(unsigned mode) {
    return S_ISFIFO(mode) ? "命名管道（FIFO）" : S_ISDIR(mode) ? "目录" : S_ISCHR(mode) ? "字符设备"
           : S_ISBLK(mode) ? "块设备" : S_ISSOCK(mode) ? "套接字" : "特殊文件";
}

void FileText::refuseSpecialFile(unsigned mode) const {
    throw UserError("文件 " + path_.string() + " 是" + specialFileKind(mode) +
                    "，不是普通文件：只能读取普通的 CSV 文件。请换成导出的 CSV 文件本身。");
}

// Old Mac and some Excel exports end every line with a lone CR. Such a file (one with no LF at
// all) is read with its CRs as line ends; a file with any LF keeps its CRs as they are (CRLF
// line ends, or a CR inside a field). Otherwise every row would vanish into the header line.
void FileText::acceptCrLineEnds() {
    if (text_.find('\n') != std::string_view::npos || text_.find('\r') == std::string_view::npos) return;
    Utf8Text lines(text_.size());
    std::replace_copy(text_.begin(), text_.end(), lines.data(), '\r', '\n');
    lines.setSize(text_.size());
    unmap();
    ownText_ = std::move(lines);
    text_ = ownText_.view();
}

void FileText::unmap() {
    guard_ = ShrinkGuard();
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
    // The file's pages go back as they are converted: the file and its whole UTF-8 text were
    // otherwise both in memory at the end, more than the check's columns take afterwards.
    const auto giveBackRaw = [this](size_t from, size_t to) { releaseMapped(from, to); };
    if (!convertGb18030ToUtf8(raw, ownText_, badOffset, giveBackRaw)) {
        const auto before = raw.substr(0, std::min(badOffset, raw.size()));
        const size_t line = 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
        unmap();
        throw UserError("数据文件 " + path_.string() + " 的编码无法识别：应为 UTF-8 或 GB18030，第 " + std::to_string(line) +
                        " 行附近的字节两者都不是。请用 UTF-8 重新导出该文件。");
    }
    unmap();
    converted_ = true;
    text_ = ownText_.view();
    text_ = text_.substr(utf8BomLength(text_));
    acceptCrLineEnds();
}

void FileText::release(const char* begin, const char* end) {
    if (begin >= end) return;
    if (map_ && begin >= map_ && end <= map_ + mapSize_) {
        releaseMapped(static_cast<size_t>(begin - map_), static_cast<size_t>(end - map_));
        return;
    }
    const char* const own = ownText_.data();
    if (own && begin >= own && end <= own + ownText_.size()) {
        ownText_.giveBack(static_cast<size_t>(begin - own), static_cast<size_t>(end - own));
        gaveBackOwnText_.store(true, std::memory_order_relaxed);
    }
}

void FileText::releaseMapped(size_t begin, size_t end) {
    const size_t page = pageSize();
    const size_t from = begin / page * page;
    const size_t to = std::min(end, mapSize_) / page * page;
    // MADV_DONTNEED, not munmap: another thread finishing a record across the boundary may
    // still read these bytes, and then simply faults them in again.
    if (to > from) ::madvise(map_ + from, to - from, MADV_DONTNEED);
}

bool FileText::readAgain() {
    if (!gaveBackOwnText_.load(std::memory_order_relaxed)) return false;
    const bool wasConverted = converted_;
    ownText_ = Utf8Text();
    converted_ = false;
    gaveBackOwnText_.store(false, std::memory_order_relaxed);
    map();
    if (wasConverted)
        convertFromGb18030();
    else
        acceptCrLineEnds();
    return true;
}

}  // namespace patrol::data
