#include "core/services/file_copy.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/domain/errors.hpp"

namespace patrol::services {

namespace {

// Closes the descriptor however the copy ends.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

[[noreturn]] void fail(const std::string& doing, const std::string& path) {
    throw UserError("无法" + doing + "文件 " + path + "：" + std::strerror(errno) + "。请检查磁盘空间和权限。");
}

void writeAll(int fd, const char* data, size_t size, const std::string& path) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("写入", path);
        data += n;
        size -= static_cast<size_t>(n);
    }
}

int createNew(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) fail("创建", path);
    return fd;
}

void syncAndClose(Fd& out, const std::string& path) {
    if (::fsync(out.fd) != 0) fail("写入", path);
    const int fd = out.fd;
    out.fd = -1;
    if (::close(fd) != 0) fail("写入", path);
}

}  // namespace

CopiedFile copyFileSynced(const std::string& from, const std::string& to) {
    Fd in{::open(from.c_str(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0) fail("读取", from);
    Fd out{createNew(to)};
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    CopiedFile copied;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(in.fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("读取", from);
        if (n == 0) break;
        engine.update(buffer, static_cast<unsigned>(n));
        writeAll(out.fd, buffer, static_cast<size_t>(n), to);
        copied.size += n;
    }
    syncAndClose(out, to);
    copied.sha256 = Poco::DigestEngine::digestToHex(engine.digest());
    return copied;
}

void writeFileSynced(const std::string& path, const std::string& bytes) {
    Fd out{createNew(path)};
    writeAll(out.fd, bytes.data(), bytes.size(), path);
    syncAndClose(out, path);
}

NewSyncedFile::NewSyncedFile(std::string path) : path_(std::move(path)), fd_(createNew(path_)) {}

NewSyncedFile::~NewSyncedFile() {
    if (fd_ >= 0) ::close(fd_);
}

void NewSyncedFile::write(const char* data, size_t size) { writeAll(fd_, data, size, path_); }

void NewSyncedFile::finish() {
    Fd out{fd_};
    fd_ = -1;
    syncAndClose(out, path_);
}

std::error_code createPrivateFolders(const std::filesystem::path& folder) {
    std::error_code ec;
    if (folder.empty() || std::filesystem::is_directory(folder, ec)) return {};
    if (const auto parent = folder.parent_path(); parent != folder)
        if (const auto failed = createPrivateFolders(parent)) return failed;
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) return {errno, std::generic_category()};
    return {};
}

void syncFolder(const std::filesystem::path& folder) {
    Fd dir{::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd < 0 || ::fsync(dir.fd) != 0)
        throw UserError("无法把目录 " + folder.string() + " 的改动写入磁盘：" + std::strerror(errno) + "。请检查磁盘和权限。");
}

}  // namespace patrol::services
