#include "core/data/utf8_text.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <new>
#include <utility>

namespace patrol::data {

namespace {

size_t pageSize() {
    static const size_t size = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

size_t pageUp(size_t bytes) { return (bytes + pageSize() - 1) / pageSize() * pageSize(); }

}  // namespace

Utf8Text::Utf8Text(size_t room) {
    if (room == 0) return;
    const size_t mapped = pageUp(room);
    void* p = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    data_ = static_cast<char*>(p);
    room_ = mapped;
}

Utf8Text::~Utf8Text() { release(); }

Utf8Text::Utf8Text(Utf8Text&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)), room_(std::exchange(other.room_, 0)) {}

Utf8Text& Utf8Text::operator=(Utf8Text&& other) noexcept {
    if (this != &other) {
        release();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        room_ = std::exchange(other.room_, 0);
    }
    return *this;
}

void Utf8Text::grow(size_t room) {
    if (room <= room_) return;
    if (!data_) {
        *this = Utf8Text(room);
        return;
    }
    const size_t mapped = pageUp(room);
    void* p = ::mremap(data_, room_, mapped, MREMAP_MAYMOVE);
    if (p == MAP_FAILED) throw std::bad_alloc();
    data_ = static_cast<char*>(p);
    room_ = mapped;
}

void Utf8Text::setSize(size_t size) {
    size_ = size < room_ ? size : room_;
    const size_t kept = pageUp(size_);
    if (room_ > kept) ::madvise(data_ + kept, room_ - kept, MADV_DONTNEED);
}

void Utf8Text::giveBack(size_t from, size_t to) {
    if (to > size_) to = size_;
    const size_t first = pageUp(from), last = to / pageSize() * pageSize();
    if (last > first) ::madvise(data_ + first, last - first, MADV_DONTNEED);
}

void Utf8Text::release() {
    if (data_) ::munmap(data_, room_);
    data_ = nullptr;
    size_ = room_ = 0;
}

}  // namespace patrol::data
