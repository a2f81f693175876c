#include "core/plugins/finding_prose.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>

namespace patrol::plugins {

namespace {

// An unlinked file in the temporary folder, readable only through this descriptor; -1 when none
// can be made there (a file system without O_TMPFILE, a folder not writable).
int unnamedTemporaryFile() {
    std::error_code ec;
    const std::filesystem::path folder = std::filesystem::temp_directory_path(ec);
    if (ec) return -1;
    return ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
}

// Reads `size` bytes at `offset` of the file into `to`.
void readAt(int fd, char* to, uint64_t size, uint64_t offset) {
    for (uint64_t done = 0; done < size;) {
        const ssize_t n = ::pread(fd, to + done, static_cast<size_t>(size - done), static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error("读回暂存疑似问题文字的临时文件失败：" + std::string(std::strerror(n < 0 ? errno : EIO)));
        done += static_cast<uint64_t>(n);
    }
}

}  // namespace

FindingProse::~FindingProse() { release(); }

FindingProse::FindingProse(FindingProse&& other) noexcept { *this = std::move(other); }

FindingProse& FindingProse::operator=(FindingProse&& other) noexcept {
    if (this != &other) {
        release();
        pending_ = std::move(other.pending_);
        written_ = std::exchange(other.written_, 0);
        fd_ = std::exchange(other.fd_, -1);
        failed_ = std::exchange(other.failed_, false);
        map_ = other.map_.exchange(nullptr);
        mapped_ = other.mapped_.exchange(0);
    }
    return *this;
}

uint64_t FindingProse::append(std::string_view first, std::string_view second) {
    if (fd_ < 0 && !failed_ && pending_.size() + first.size() + second.size() > kSpillAfter) spill();
    if (fd_ >= 0 && pending_.size() >= kBlock) {
        if (writeOut(pending_.data(), pending_.size())) {
            written_ += pending_.size();
            pending_.truncate(0);  // its pages stay for the next block
        } else {
            backToMemory();
        }
    }
    const uint64_t offset = size();
    pending_.append(first.data(), first.size());
    pending_.append(second.data(), second.size());
    return offset;
}

std::string_view FindingProse::view(uint64_t offset, uint64_t size) const {
    if (offset >= written_) return {pending_.data() + (offset - written_), static_cast<size_t>(size)};
    if (offset + size > written_) throw std::logic_error("a finding's text split between the file and memory");
    const char* map = mapped_.load(std::memory_order_acquire) >= written_ ? map_.load(std::memory_order_acquire) : mapping();
    return {map + offset, static_cast<size_t>(size)};
}

void FindingProse::copy(uint64_t offset, uint64_t size, char* to) const {
    if (offset >= written_) {
        std::memcpy(to, pending_.data() + (offset - written_), static_cast<size_t>(size));
        return;
    }
    if (offset + size > written_) throw std::logic_error("a finding's text split between the file and memory");
    readAt(fd_, to, size, offset);
}

void FindingProse::spill() {
    fd_ = unnamedTemporaryFile();
    if (fd_ < 0) {
        failed_ = true;
        return;
    }
    if (!writeOut(pending_.data(), pending_.size())) {
        ::close(fd_);
        fd_ = -1;
        failed_ = true;
        return;
    }
    written_ = pending_.size();
    // What memory held goes back to the system; the next block starts small.
    pending_ = data::PodBuffer<char>();
}

bool FindingProse::writeOut(const char* data, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;  // a full disk, a quota: the caller keeps the texts in memory
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

void FindingProse::backToMemory() {
    data::PodBuffer<char> all;
    char* to = all.prepare(static_cast<size_t>(written_ + pending_.size()));
    readAt(fd_, to, written_, 0);
    if (pending_.size()) std::memcpy(to + written_, pending_.data(), pending_.size());
    all.commit(static_cast<size_t>(written_ + pending_.size()));
    unmap();
    ::close(fd_);
    fd_ = -1;
    failed_ = true;
    written_ = 0;
    pending_ = std::move(all);
}

const char* FindingProse::mapping() const {
    const std::lock_guard lock(mapping_);
    if (mapped_.load(std::memory_order_relaxed) >= written_) return map_.load(std::memory_order_relaxed);
    // A smaller mapping from before the last appends: no view into it is valid any more.
    if (const char* old = map_.load(std::memory_order_relaxed)) ::munmap(const_cast<char*>(old), mapped_.load(std::memory_order_relaxed));
    void* p = ::mmap(nullptr, static_cast<size_t>(written_), PROT_READ, MAP_SHARED, fd_, 0);
    if (p == MAP_FAILED) {
        map_.store(nullptr);
        mapped_.store(0);
        throw std::runtime_error("映射暂存疑似问题文字的临时文件失败：" + std::string(std::strerror(errno)));
    }
    map_.store(static_cast<const char*>(p), std::memory_order_release);
    mapped_.store(static_cast<size_t>(written_), std::memory_order_release);
    return static_cast<const char*>(p);
}

void FindingProse::forgetBlock(uint64_t index) const {
    const uint64_t from = index * kBlock;
    if (fd_ < 0 || from >= written_) return;
    // A file system without holes keeps the pages until the file closes: nothing else changes.
    [[maybe_unused]] const int punched =
        ::fallocate(fd_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, static_cast<off_t>(from), static_cast<off_t>(std::min(kBlock, written_ - from)));
}

void FindingProse::letGoOfReadPages() const {
    const std::lock_guard lock(mapping_);
    if (const char* map = map_.load(std::memory_order_relaxed))
        ::madvise(const_cast<char*>(map), mapped_.load(std::memory_order_relaxed), MADV_DONTNEED);
}

void FindingProse::letGoOfBlocks(uint64_t first, uint64_t count) const {
    const std::lock_guard lock(mapping_);
    const uint64_t from = first * kBlock;
    const size_t mapped = mapped_.load(std::memory_order_relaxed);
    if (const char* map = map_.load(std::memory_order_relaxed); map && from < mapped)
        ::madvise(const_cast<char*>(map) + from, static_cast<size_t>(std::min<uint64_t>(count * kBlock, mapped - from)), MADV_DONTNEED);
}

void FindingProse::unmap() {
    if (const char* old = map_.exchange(nullptr)) ::munmap(const_cast<char*>(old), mapped_.load());
    mapped_ = 0;
}

void FindingProse::release() {
    unmap();
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    written_ = 0;
    failed_ = false;
    pending_ = data::PodBuffer<char>();
}

}  // namespace patrol::plugins
