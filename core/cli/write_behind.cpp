#include "core/cli/write_behind.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

WriteBehindBuffer::WriteBehindBuffer(int fd) : DescriptorOutput(fd) {
    // With O_APPEND (`>>`) the writes land at the end whatever the offset says.
    const bool appends = (::fcntl(fd, F_GETFL) & O_APPEND) != 0;
    const off_t at = ::lseek(fd, 0, appends ? SEEK_END : SEEK_CUR);
    sent_ = tried_ = retried_ = at < 0 ? 0 : at;
}

// Drains here, while written() is still this class's.
WriteBehindBuffer::~WriteBehindBuffer() { pubsync(); }

bool WriteBehindBuffer::suits(int fd) {
    struct stat st {};
    return ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

void WriteBehindBuffer::written() {
    const off_t at = ::lseek(fd(), 0, SEEK_CUR);
    if (at < 0) return;
    // Advice only: where the file system does not take it, the pages stay cached as before.
    if (at - sent_ >= kSendEvery) {
        ::sync_file_range(fd(), sent_, at - sent_, SYNC_FILE_RANGE_WRITE);
        sent_ = at;
    }
    auto drop = [&](off_t& done, off_t distance) {
        const off_t upTo = (at - distance) / kFolioMost * kFolioMost;
        if (upTo <= done) return;
        ::posix_fadvise(fd(), done, upTo - done, POSIX_FADV_DONTNEED);
        done = upTo;
    };
    drop(tried_, kFirstTry);
    drop(retried_, kSecondTry);
}

}  // namespace patrol::cli
