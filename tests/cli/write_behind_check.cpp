// WriteBehindBuffer: every byte lands where it would through std::cout, a failed write fails
// the stream and keeps its errno, and the pages of what was written and is clean go back to
// the system, up to the last 2 MiB.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include "core/cli/write_behind.hpp"
#include "store/scratch_dir.hpp"

using patrol::cli::WriteBehindBuffer;
using patrol::testing::ScratchDir;

namespace {

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Pages of the file in the page cache.
size_t residentPages(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    const off_t size = ::lseek(fd, 0, SEEK_END);
    void* map = ::mmap(nullptr, static_cast<size_t>(size), PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    REQUIRE(map != MAP_FAILED);
    const long page = ::sysconf(_SC_PAGESIZE);
    std::vector<unsigned char> in(static_cast<size_t>((size + page - 1) / page));
    REQUIRE(::mincore(map, static_cast<size_t>(size), in.data()) == 0);
    ::munmap(map, static_cast<size_t>(size));
    size_t resident = 0;
    for (const unsigned char c : in) resident += c & 1;
    return resident;
}

// Pieces of every size the JSONL writer and a listing hand over: single characters, lines,
// blocks larger than the buffer.
std::string writeMixed(std::ostream& out) {
    std::string expected;
    for (const size_t size : {size_t{1}, size_t{70}, size_t{65536}, size_t{65535}, size_t{3} << 20, size_t{10}, size_t{200000}}) {
        std::string piece(size, static_cast<char>('a' + size % 26));
        piece.back() = '\n';
        out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
        expected += piece;
        out << '#';
        expected += '#';
    }
    out.flush();
    return expected;
}

}  // namespace

TEST_CASE("write behind puts every byte after what the file held, also when it is opened to append") {
    ScratchDir dir;
    for (const int mode : {O_WRONLY, O_WRONLY | O_APPEND}) {
        const std::string path = dir.write(mode & O_APPEND ? "appended.jsonl" : "written.jsonl", "已有内容\n");
        const int fd = ::open(path.c_str(), mode);
        REQUIRE(fd >= 0);
        if (!(mode & O_APPEND)) ::lseek(fd, 0, SEEK_END);
        REQUIRE(WriteBehindBuffer::suits(fd));
        std::string expected;
        {
            WriteBehindBuffer buffer(fd);
            std::ostream out(&buffer);
            expected = writeMixed(out);
            CHECK(out.good());
            CHECK(buffer.failure() == 0);
        }
        ::close(fd);
        CHECK(contents(path) == "已有内容\n" + expected);
    }
}

TEST_CASE("write behind suits regular files only") {
    ScratchDir dir;
    const int file = ::open(dir.write("plain.txt", "").c_str(), O_WRONLY);
    int pipe[2];
    REQUIRE(::pipe(pipe) == 0);
    const int device = ::open("/dev/null", O_WRONLY);
    CHECK(WriteBehindBuffer::suits(file));
    CHECK_FALSE(WriteBehindBuffer::suits(pipe[1]));
    CHECK_FALSE(WriteBehindBuffer::suits(device));
    CHECK_FALSE(WriteBehindBuffer::suits(-1));
    for (const int fd : {file, pipe[0], pipe[1], device}) ::close(fd);
}

TEST_CASE("a write that fails fails the stream and keeps its errno") {
    ScratchDir dir;
    const int fd = ::open(dir.write("read-only.txt", "").c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    {
        WriteBehindBuffer buffer(fd);
        std::ostream out(&buffer);
        const std::string big(1 << 20, 'x');
        out.write(big.data(), static_cast<std::streamsize>(big.size()));
        out.flush();
        CHECK(out.bad());
        CHECK(buffer.failure() == EBADF);
    }
    ::close(fd);
}

TEST_CASE("the pages of what is written and clean are given back, all but the last 2 MiB") {
    ScratchDir dir;
    const std::string path = dir.write("findings.jsonl", "");
    // Whether this file system drops clean pages at all (tmpfs does not): written, made clean,
    // advised away, and looked at.
    {
        const std::string probe = dir.write("probe.bin", std::string(size_t{4} << 20, 'p'));
        const int fd = ::open(probe.c_str(), O_RDONLY);
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
        if (residentPages(probe) > 16) {
            WARN("this file system keeps clean pages cached whatever it is advised; nothing to check here");
            return;
        }
    }
    const int fd = ::open(path.c_str(), O_WRONLY);
    REQUIRE(fd >= 0);
    const std::string mebibyte(size_t{1} << 20, 'f');
    {
        WriteBehindBuffer buffer(fd);
        std::ostream out(&buffer);
        // Each mebibyte made clean before the next is written, so that what is given back does
        // not depend on how fast the disk is.
        for (int i = 0; i < 48; ++i) {
            out.write(mebibyte.data(), static_cast<std::streamsize>(mebibyte.size()));
            out.flush();
            ::fdatasync(fd);
        }
        CHECK(buffer.failure() == 0);
    }
    ::close(fd);
    const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    // Dropped up to a 2 MiB boundary at least 2 MiB behind the end: at most 4 MiB stay.
    CHECK(residentPages(path) <= (size_t{4} << 20) / page);
    CHECK(contents(path).size() == size_t{48} << 20);
}
