// A growable array of plain values kept in its own anonymous mapping: growing it is an
// mremap (the pages move, nothing is copied, the old and new block never coexist), and
// capacity that is reserved but never written costs no resident memory. This is what keeps
// the reader's peak memory near the size of the columns it builds. Pages are faulted in
// ahead of the writes (as many as are ready, up to 64 KB; see prepareRoom) with one
// madvise(MADV_POPULATE_WRITE) (Linux 5.14; older kernels refuse it and the pages fault one
// by one as before); releaseSpare() gives back what was populated but not written. Where fresh
// pages are expensive (core/data/fresh_pages.hpp), a buffer of 1 MiB or more is laid out in huge
// pages: its size is rounded up to whole 2 MiB pages, which the kernel also places on a huge-page
// boundary, and each of them is then filled in at once. From 1 MiB, rounding up at most doubles
// a buffer; from 512 KiB, usual poverty_alleviation's peak grew past its goal (bench/README.md).
#pragma once

#include "core/data/fresh_pages.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace patrol::data {

template <class T>
class PodBuffer {
    static_assert(std::is_trivially_copyable_v<T>);

public:
    PodBuffer() = default;
    ~PodBuffer() { release(); }
    PodBuffer(PodBuffer&& o) noexcept
        : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)), capacity_(std::exchange(o.capacity_, 0)), readyBytes_(std::exchange(o.readyBytes_, 0)) {}
    PodBuffer& operator=(PodBuffer&& o) noexcept {
        if (this != &o) {
            release();
            data_ = std::exchange(o.data_, nullptr);
            size_ = std::exchange(o.size_, 0);
            capacity_ = std::exchange(o.capacity_, 0);
            readyBytes_ = std::exchange(o.readyBytes_, 0);
        }
        return *this;
    }
    PodBuffer(const PodBuffer&) = delete;
    PodBuffer& operator=(const PodBuffer&) = delete;

    // `n` values of zero: a new mapping reads as zeros, so nothing is written.
    static PodBuffer zeros(size_t n) {
        PodBuffer b;
        b.prepare(n);
        b.commit(n);
        return b;
    }

    void reserve(size_t n) {
        if (n <= capacity_) return;
        size_t bytes = roundUp(n * sizeof(T));
        const bool huge = bytes >= kHugeFrom && hugePagesPayHere();
        if (huge) bytes = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        void* p = data_ ? ::mremap(data_, capacity_ * sizeof(T), bytes, MREMAP_MAYMOVE)
                        : ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED && data_) {
            // Pages moved in by appendMovingPages leave the buffer in several mappings, which
            // mremap cannot grow as one: a new mapping, with the values copied.
            p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED) throw std::bad_alloc();
            if (size_) std::memcpy(p, data_, size_ * sizeof(T));
            ::munmap(data_, capacity_ * sizeof(T));
            readyBytes_ = pageUp(size_ * sizeof(T));
        }
        if (p == MAP_FAILED) throw std::bad_alloc();
        if (huge) ::madvise(p, bytes, MADV_HUGEPAGE);
        data_ = static_cast<T*>(p);
        capacity_ = bytes / sizeof(T);
    }
    void push_back(T v) {
        if (!ready(size_ + 1)) prepareRoom(size_ + 1);
        data_[size_++] = v;
    }
    void append(const T* values, size_t n) {
        if (!ready(size_ + n)) prepareRoom(size_ + n);
        if (n) std::memcpy(data_ + size_, values, n * sizeof(T));
        size_ += n;
    }
    // Room for `n` more values, written through the pointer and kept with commit().
    T* prepare(size_t n) {
        if (!ready(size_ + n)) prepareRoom(size_ + n);
        return data_ + size_;
    }
    void commit(size_t n) { size_ += n; }

    // Appends other's values from `from` on, each passed through adjust() (for example to
    // rebase offsets), and empties `other`. Nothing is copied but a page's worth: the values
    // are shifted within other's own pages to line up with the end of this buffer, this
    // buffer's partly filled last page is copied in front of them, and then those pages are
    // moved onto the end of this buffer (mremap). Copying into new memory instead would fault
    // every page in first and give the old ones back after, which costs far more than the copy.
    template <class Adjust>
    void appendMovingPages(PodBuffer& other, size_t from, Adjust adjust) {
        const size_t n = other.size_ > from ? other.size_ - from : 0;
        if (n == 0) {
            other = PodBuffer();
            return;
        }
        const size_t page = pageUp(1);
        reserve(size_ + n);  // this mapping must cover where other's pages go
        const size_t used = size_ * sizeof(T);
        const size_t keep = used / page * page;  // whole pages of this buffer that stay put
        const size_t head = used - keep;         // bytes of its last, partly filled page
        other.reserve(head / sizeof(T) + n);
        T* moved = other.data_ + head / sizeof(T);
        std::memmove(static_cast<void*>(moved), other.data_ + from, n * sizeof(T));
        for (size_t i = 0; i < n; ++i) moved[i] = adjust(moved[i]);
        if (head) std::memcpy(static_cast<void*>(other.data_), reinterpret_cast<const char*>(data_) + keep, head);
        const size_t length = pageUp(head + n * sizeof(T));
        void* to = reinterpret_cast<char*>(data_) + keep;
        if (::mremap(other.data_, length, length, MREMAP_MAYMOVE | MREMAP_FIXED, to) == MAP_FAILED) {
            // Pages the kernel will not move (other's own mapping in pieces): copied instead.
            append(moved, n);
            other = PodBuffer();
            return;
        }
        // What is left of other's mapping past the moved pages.
        if (other.capacity_ * sizeof(T) > length) ::munmap(reinterpret_cast<char*>(other.data_) + length, other.capacity_ * sizeof(T) - length);
        other.data_ = nullptr;
        other.size_ = other.capacity_ = other.readyBytes_ = 0;
        size_ += n;
        readyBytes_ = std::max(readyBytes_, keep + length);
    }
    void truncate(size_t n) {
        if (n < size_) size_ = n;
    }

    // Gives back the pages populated ahead but not written (once the buffer stops growing).
    void releaseSpare() {
        const size_t keep = pageUp(size_ * sizeof(T));
        if (readyBytes_ > keep) ::madvise(reinterpret_cast<char*>(data_) + keep, readyBytes_ - keep, MADV_DONTNEED);
        readyBytes_ = std::min(readyBytes_, keep);
    }

    // Gives the whole pages inside bytes [from, to) of the mapping back to the system; they read
    // as zeros afterwards. A page only partly inside stays: another thread may still read the
    // rest of it.
    void giveBack(size_t from, size_t to) {
        const size_t page = pageUp(1);
        const size_t first = pageUp(from), last = std::min(to, capacity_ * sizeof(T)) / page * page;
        if (last > first) ::madvise(reinterpret_cast<char*>(data_) + first, last - first, MADV_DONTNEED);
    }

    T* data() { return data_; }
    const T* data() const { return data_; }
    size_t size() const { return size_; }
    size_t capacity() const { return capacity_; }
    T operator[](size_t i) const { return data_[i]; }

private:
    static constexpr size_t kHugePage = size_t{2} << 20;
    static constexpr size_t kHugeFrom = kHugePage / 2;
    static size_t roundUp(size_t bytes) {
        constexpr size_t granule = 64 * 1024;
        return (bytes + granule - 1) / granule * granule;
    }
    static size_t pageUp(size_t bytes) {
        static const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
        return (bytes + page - 1) / page * page;
    }
    // Makes room for `need` values, the pages past them faulted in by one system call instead of
    // one page fault per page: as many as are ready already, at least one page and at most 64 KB.
    // Starting at 64 KB, the many buffers that stay small (a coded column's few distinct texts
    // in every stretch, the columns of a small table) each took 16 fresh pages to use one or
    // two. Counted in bytes, so that it stays on a page boundary whatever the size of T:
    // madvise refuses a start inside a page, and counted in values of 56 bytes (the finding
    // arena's records) every call after the first was refused and each page faulted alone.
    bool ready(size_t values) const { return values * sizeof(T) <= readyBytes_; }
    void prepareRoom(size_t need) {
        if (need > capacity_) grow(need);
        const size_t from = readyBytes_;
        const size_t ahead = std::clamp<size_t>(from, pageUp(1), 64 * 1024);
        const size_t to = std::min(pageUp(capacity_ * sizeof(T)), pageUp(std::max(need * sizeof(T), from + ahead)));
        if (to > from) ::madvise(reinterpret_cast<char*>(data_) + from, to - from, MADV_POPULATE_WRITE);
        readyBytes_ = std::max(readyBytes_, to);
    }
    void grow(size_t need) {
        size_t n = capacity_ + capacity_ / 2;
        if (n < need) n = need;
        reserve(n);
    }
    void release() {
        if (data_) ::munmap(data_, capacity_ * sizeof(T));
        data_ = nullptr;
        size_ = capacity_ = readyBytes_ = 0;
    }

    T* data_ = nullptr;
    size_t size_ = 0;
    size_t capacity_ = 0;
    size_t readyBytes_ = 0;  // bytes from data_ whose pages are faulted in: whole pages
};

}  // namespace patrol::data
