#include "core/cli/evidence_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <istream>
#include <streambuf>

#include "core/data/file_text.hpp"
#include "core/domain/errors.hpp"

namespace patrol::cli {

namespace {

// Reads an open descriptor; a read error becomes the stream's badbit (the store then refuses).
class DescriptorBuffer : public std::streambuf {
public:
    explicit DescriptorBuffer(int fd) : fd_(fd) {}
    ~DescriptorBuffer() override { ::close(fd_); }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        ssize_t got = 0;
        do got = ::read(fd_, buffer_, sizeof buffer_);
        while (got < 0 && errno == EINTR);
        if (got < 0) throw std::ios_base::failure(std::strerror(errno));
        if (got == 0) return traits_type::eof();
        setg(buffer_, buffer_, buffer_ + got);
        return traits_type::to_int_type(*gptr());
    }

private:
    int fd_;
    char buffer_[65536];
};

std::string expected(const std::string& given) { return given + " 应指向一个已存在的普通文件"; }

}  // namespace

struct EvidenceFiles::Opened {
    std::string path;
    uint64_t size = 0;
    DescriptorBuffer buffer;
    std::istream stream;
    Opened(std::string p, int fd, uint64_t bytes)
        : path(std::move(p)), size(bytes), buffer(fd), stream(&buffer) {}
};

EvidenceFiles::EvidenceFiles(const std::vector<std::string>& paths, const std::string& noun, const std::string& given) {
    for (const auto& path : paths) {
        // O_NONBLOCK: opening a FIFO without a writer must not wait; the type is checked next.
        const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            if (errno == ENOENT || errno == ENOTDIR)
                throw UserError("找不到" + noun + "文件 " + path + "：" + expected(given) + "。");
            if (errno == EACCES || errno == EPERM)
                throw UserError("无法打开" + noun + "文件 " + path + "：没有读取权限；请检查文件权限。");
            throw UserError("无法打开" + noun + "文件 " + path + "：" + std::strerror(errno) + "。");
        }
        struct stat st {};
        if (::fstat(fd, &st) != 0) {
            const int error = errno;
            ::close(fd);
            throw UserError("无法读取" + noun + "文件 " + path + "：" + std::strerror(error) + "。");
        }
        if (!S_ISREG(st.st_mode)) {
            const mode_t mode = st.st_mode;
            ::close(fd);
            throw UserError(noun + " " + path + " 不是普通文件，而是" + data::specialFileKind(mode) + "：" + expected(given) +
                            "；请先把内容保存为文件再上传。");
        }
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        files_.push_back(std::make_unique<Opened>(path, fd, static_cast<uint64_t>(st.st_size)));
    }
}

EvidenceFiles::~EvidenceFiles() = default;

std::vector<services::EvidenceUpload> EvidenceFiles::uploads() const {
    std::vector<services::EvidenceUpload> out;
    for (const auto& f : files_) out.push_back({f->path, &f->stream, f->size, f->path});
    return out;
}

}  // namespace patrol::cli
