#include "core/cli/write_behind.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace patrol::cli {

namespace {

constexpr off_t kMiB = off_t{1} << 20;
constexpr off_t kSendEvery = kMiB;
// Writeback of a mebibyte usually ends within the next two written (measured on ext4 over
// virtio); what was still being written then is caught at the second distance.
constexpr off_t kFirstTry = 2 * kMiB;
constexpr off_t kSecondTry = 8 * kMiB;
// The page cache keeps a file in folios of up to 2 MiB, each aligned to its size, and drops only
// those wholly inside the range given: ranges end on a 2 MiB boundary, or a folio across the
// end of one would be skipped and never tried again.
constexpr off_t kFolioMost = 2 * kMiB;

}  // namespace

WriteBehindBuffer::WriteBehindBuffer(int fd) : fd_(fd), buffer_(64 * 1024) {
    // With O_APPEND (`>>`) the writes land at the end whatever the offset says.
    const bool appends = (::fcntl(fd_, F_GETFL) & O_APPEND) != 0;
    const off_t at = ::lseek(fd_, 0, appends ? SEEK_END : SEEK_CUR);
    sent_ = tried_ = retried_ = at < 0 ? 0 : at;
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

WriteBehindBuffer::~WriteBehindBuffer() { drain(); }

bool WriteBehindBuffer::suits(int fd) {
    struct stat st {};
    return ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

std::streamsize WriteBehindBuffer::xsputn(const char* s, std::streamsize n) {
    const auto size = static_cast<size_t>(n);
    if (size > static_cast<size_t>(epptr() - pptr()) && !drain()) return 0;
    // A piece larger than the buffer (a block of JSONL) goes out as it is.
    if (size > buffer_.size()) return writeOut(s, size) ? n : 0;
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(size));
    return n;
}

WriteBehindBuffer::int_type WriteBehindBuffer::overflow(int_type c) {
    if (!drain()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
}

int WriteBehindBuffer::sync() { return drain() ? 0 : -1; }

bool WriteBehindBuffer::drain() {
    const size_t n = static_cast<size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return n == 0 || writeOut(buffer_.data(), n);
}

bool WriteBehindBuffer::writeOut(const char* s, size_t n) {
    if (failure_) return false;
    while (n > 0) {
        const ssize_t put = ::write(fd_, s, n);
        if (put < 0) {
            if (errno == EINTR) continue;
            failure_ = errno;
            return false;
        }
        s += put;
        n -= static_cast<size_t>(put);
    }
    handBack();
    return true;
}

void WriteBehindBuffer::handBack() {
    const off_t at = ::lseek(fd_, 0, SEEK_CUR);
    if (at < 0) return;
    // Advice only: where the file system does not take it, the pages stay cached as before.
    if (at - sent_ >= kSendEvery) {
        ::sync_file_range(fd_, sent_, at - sent_, SYNC_FILE_RANGE_WRITE);
        sent_ = at;
    }
    auto drop = [&](off_t& done, off_t distance) {
        const off_t upTo = (at - distance) / kFolioMost * kFolioMost;
        if (upTo <= done) return;
        ::posix_fadvise(fd_, done, upTo - done, POSIX_FADV_DONTNEED);
        done = upTo;
    };
    drop(tried_, kFirstTry);
    drop(retried_, kSecondTry);
}

}  // namespace patrol::cli
