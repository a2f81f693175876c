// Findings held back for later emission, packed into large blocks of their own mapping:
// every text is stored once with no allocation of its own, and each block goes back to the
// system as soon as its findings are emitted. (Findings kept as sdk::Finding objects by a
// helper thread would sit in that thread's malloc arena, which the calling thread's
// allocations cannot reuse, so peak memory would grow by all of them.)
// Past kSpillAfter bytes the blocks go to an unlinked temporary file (O_TMPFILE, gone with the
// process), in order, and the last block's memory takes the next findings: a helper thread's
// rules on a findings-heavy ledger keep tens of megabytes of findings while the plugin still
// holds the whole dataset. Drained, the file is read back a block at a time, and what is read is
// punched out of it as it goes (giveBack). Without a usable file the blocks stay in memory.
#pragma once

#include <patrol/sdk/plugin.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace patrol::plugins {

class KeptFindings {
public:
    // Bytes of findings held in memory before the blocks go to the file. A helper thread fills
    // one sink per rule, and a finished rule's sink waits in memory for its turn to be emitted:
    // at 2 MB each, four of them hold what one used to at 8 MB. (poverty_alleviation's heavy
    // check, once four rules ran on the helper, peaked at 114.8 MB with 8 MB, 108.6 MB with 2 MB.)
    static constexpr size_t kSpillAfter = size_t{2} << 20;

    KeptFindings() = default;
    KeptFindings(KeptFindings&& o) noexcept { *this = std::move(o); }
    KeptFindings& operator=(KeptFindings&& o) noexcept {
        if (this != &o) {
            release();
            blocks_ = std::move(o.blocks_);
            o.blocks_.clear();
            held_ = std::exchange(o.held_, 0);
            file_ = std::exchange(o.file_, -1);
            fileBytes_ = std::exchange(o.fileBytes_, 0);
            noFile_ = std::exchange(o.noFile_, false);
        }
        return *this;
    }
    KeptFindings(const KeptFindings&) = delete;
    KeptFindings& operator=(const KeptFindings&) = delete;
    ~KeptFindings() { release(); }

    void add(const sdk::Finding& f) {
        size_t need = 4 * 5 + 1 + 8 + f.rule.size() + f.unit.size() + f.title.size() + f.detail.size();
        for (const std::string& r : f.refs) need += 4 + r.size();
        if (blocks_.empty() || blocks_.back().size - blocks_.back().used < need) {
            // Once the file is in use every block filled goes there, so that its order holds.
            const bool spilling = fileBytes_ > 0 || held_ >= kSpillAfter;
            if (!spilling || !spill() || blocks_.back().size < need) addBlock(need);
        }
        Block& b = blocks_.back();
        char* p = b.data + b.used;
        p = text(p, f.rule);
        p = text(p, f.unit);
        p = number(p, static_cast<uint32_t>(f.refs.size()));
        for (const std::string& r : f.refs) p = text(p, r);
        *p++ = f.amountFen ? 1 : 0;
        p = number(p, f.amountFen.value_or(0));
        p = text(p, f.title);
        p = text(p, f.detail);
        held_ += static_cast<size_t>(p - (b.data + b.used));
        b.used = static_cast<size_t>(p - b.data);
    }

    // Whether blocks went to the file (for tests).
    bool spilled() const { return fileBytes_ > 0; }

    // Calls each(const patrol_finding&) for every finding in the order added, until it returns
    // false; the finding's texts point into the block, which is given back once read.
    // Afterwards nothing is kept.
    template <class Each>
    void drain(Each each) {
        bool open = true;
        std::vector<patrol_text> refs;
        // What went to the file was added before anything still in memory.
        std::string block;
        uint64_t givenBack = 0;
        for (uint64_t at = 0; open && at < fileBytes_;) {
            uint64_t size = 0;
            readBack(reinterpret_cast<char*>(&size), sizeof size, at);
            block.resize(static_cast<size_t>(size));
            readBack(block.data(), block.size(), at);
            open = readFindings(block.data(), block.data() + block.size(), each, refs);
            giveBack(givenBack, at);
        }
        closeFile();
        for (Block& b : blocks_) {
            if (open) open = readFindings(b.data, b.data + b.used, each, refs);
            ::munmap(b.data, b.size);
            b.data = nullptr;
        }
        blocks_.clear();
        held_ = 0;
    }

private:
    struct Block {
        char* data;
        size_t size;
        size_t used;
    };

    void addBlock(size_t need) {
        constexpr size_t kBlock = size_t{256} << 10;  // small: a block still held while the host copies its findings costs little
        const size_t size = std::max(kBlock, (need + 4095) / 4096 * 4096);
        void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) throw std::bad_alloc();
        blocks_.push_back({static_cast<char*>(p), size, 0});
    }

    // Writes every block held to the file, in order, then gives back all but the last, which
    // is emptied for the next findings. False, with nothing changed, when there is no file to
    // be had or a write fails (a full disk): the findings then stay in memory.
    bool spill() {
        if (noFile_) return false;
        if (file_ < 0) {
            const char* folder = std::getenv("TMPDIR");
            file_ = ::open(folder && *folder ? folder : "/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
            if (file_ < 0) {
                noFile_ = true;
                return false;
            }
        }
        const uint64_t before = fileBytes_;
        for (const Block& b : blocks_) {
            const uint64_t size = b.used;
            if (!writeOut(reinterpret_cast<const char*>(&size), sizeof size) || !writeOut(b.data, b.used)) {
                // The file ends where the findings still in memory begin; nothing more goes there.
                fileBytes_ = before;
                noFile_ = true;
                [[maybe_unused]] const int freed = ::ftruncate(file_, static_cast<off_t>(before));
                return false;
            }
        }
        for (size_t i = 0; i + 1 < blocks_.size(); ++i) ::munmap(blocks_[i].data, blocks_[i].size);
        blocks_.erase(blocks_.begin(), blocks_.end() - 1);
        blocks_.back().used = 0;
        held_ = 0;
        return true;
    }

    bool writeOut(const char* data, size_t size) {
        while (size > 0) {
            const ssize_t n = ::write(file_, data, size);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            data += n;
            size -= static_cast<size_t>(n);
            fileBytes_ += static_cast<uint64_t>(n);
        }
        return true;
    }

    // Reads `size` bytes of the file at `at`, which moves past them.
    void readBack(char* to, size_t size, uint64_t& at) const {
        while (size > 0) {
            const ssize_t n = ::pread(file_, to, size, static_cast<off_t>(at));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) throw std::runtime_error("读回暂存在临时文件中的疑似问题失败：" + std::string(std::strerror(n < 0 ? errno : EIO)));
            to += n;
            size -= static_cast<size_t>(n);
            at += static_cast<uint64_t>(n);
        }
    }

    // Punches out the file's pages before `upTo` that are read and emitted, in whole 2 MiB
    // stretches: the page cache keeps a file in folios of up to 2 MiB, and one cut by the edge
    // of a hole may stay. The host copies each finding as it is emitted, into memory and files of its own:
    // pages given back here are what it takes next, and a page just freed is far cheaper to
    // take than one the machine has not used lately (10-12 µs on first write, against 1-2 µs,
    // on the virtual machines Patrol is measured on). A file system without holes keeps them
    // until the file closes.
    void giveBack(uint64_t& givenBack, uint64_t upTo) const {
        constexpr uint64_t kStretch = uint64_t{2} << 20;
        const uint64_t end = upTo / kStretch * kStretch;
        if (end <= givenBack) return;
        static_cast<void>(::fallocate(file_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, static_cast<off_t>(givenBack),
                                      static_cast<off_t>(end - givenBack)));
        givenBack = end;
    }

    void closeFile() {
        if (file_ >= 0) ::close(file_);
        file_ = -1;
        fileBytes_ = 0;
    }

    void release() {
        for (Block& b : blocks_)
            if (b.data) ::munmap(b.data, b.size);
        blocks_.clear();
        held_ = 0;
        closeFile();
    }

    // Calls each() for the findings packed in [p, end) until it returns false.
    template <class Each>
    static bool readFindings(const char* p, const char* end, Each& each, std::vector<patrol_text>& refs) {
        bool open = true;
        while (open && p < end) {
            patrol_finding f{};
            f.struct_size = sizeof f;
            f.rule = readText(p);
            f.unit = readText(p);
            f.ref_count = readNumber<uint32_t>(p);
            refs.clear();
            for (uint32_t i = 0; i < f.ref_count; ++i) refs.push_back(readText(p));
            f.refs = refs.data();
            f.has_amount = *p++ != 0 ? 1 : 0;
            f.amount_fen = readNumber<int64_t>(p);
            f.title = readText(p);
            f.detail = readText(p);
            open = each(f);
        }
        return open;
    }

    template <class T>
    static char* number(char* p, T v) {
        std::memcpy(p, &v, sizeof v);
        return p + sizeof v;
    }
    static char* text(char* p, std::string_view s) {
        p = number(p, static_cast<uint32_t>(s.size()));
        if (!s.empty()) std::memcpy(p, s.data(), s.size());
        return p + s.size();
    }
    template <class T>
    static T readNumber(const char*& p) {
        T v;
        std::memcpy(&v, p, sizeof v);
        p += sizeof v;
        return v;
    }
    static patrol_text readText(const char*& p) {
        const uint32_t n = readNumber<uint32_t>(p);
        const patrol_text t{p, n};
        p += n;
        return t;
    }

    std::vector<Block> blocks_;
    size_t held_ = 0;        // bytes of findings in the blocks in memory
    int file_ = -1;
    uint64_t fileBytes_ = 0;  // written to the file: each block's size, then its bytes
    bool noFile_ = false;     // no file could be had, or a write failed: memory from then on
};

}  // namespace patrol::plugins
