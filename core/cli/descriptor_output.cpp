#include "core/cli/descriptor_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace patrol::cli {

DescriptorOutput::DescriptorOutput(int fd) : fd_(fd), buffer_(64 * 1024) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

// A derived buffer's written() is no longer callable here: it drains in its own destructor.
DescriptorOutput::~DescriptorOutput() { drain(); }

std::streamsize DescriptorOutput::xsputn(const char* s, std::streamsize n) {
    const auto size = static_cast<size_t>(n);
    if (size > static_cast<size_t>(epptr() - pptr()) && !drain()) return 0;
    // A piece larger than the buffer (a block of JSONL) goes out as it is.
    if (size > buffer_.size()) return writeOut(s, size) ? n : 0;
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(size));
    return n;
}

DescriptorOutput::int_type DescriptorOutput::overflow(int_type c) {
    if (!drain()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
}

int DescriptorOutput::sync() { return drain() ? 0 : -1; }

bool DescriptorOutput::drain() {
    const size_t n = static_cast<size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return n == 0 || writeOut(buffer_.data(), n);
}

bool DescriptorOutput::writeOut(const char* s, size_t n) {
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
    written();
    return true;
}

}  // namespace patrol::cli
