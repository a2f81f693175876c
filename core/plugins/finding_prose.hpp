// The titles and details of a run's findings: most of a findings-heavy run's text (about 200 of
// its 230 bytes a finding), and nothing that checking refs, ordering or dropping repeats reads.
// Past kSpillAfter bytes they are written in blocks to an unlinked temporary file (O_TMPFILE,
// gone with the process) and read back through a read-only mapping of it once the run stops
// adding. Until then they sit in the kernel's page cache, which it may write out and drop, rather
// than in the process while the plugin still holds the dataset; read back in the order written
// (checking them, recording them), the mapped pages come in many at a time. A small run never
// touches the file, and if the file cannot be made or written the texts stay in memory.
#pragma once

#include "core/data/pod_buffer.hpp"

#include <cstddef>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string_view>

namespace patrol::plugins {

class FindingProse {
public:
    static constexpr size_t kSpillAfter = size_t{16} << 20;  // bytes held in memory before the file
    static constexpr size_t kBlock = size_t{1} << 20;        // bytes written to the file at once

    FindingProse() = default;
    ~FindingProse();
    FindingProse(FindingProse&& other) noexcept;
    FindingProse& operator=(FindingProse&& other) noexcept;
    FindingProse(const FindingProse&) = delete;
    FindingProse& operator=(const FindingProse&) = delete;

    // Appends `first` and then `second` right after it (never split between memory and the
    // file); returns the offset of `first`.
    uint64_t append(std::string_view first, std::string_view second = {});
    // The text at [offset, offset + size). Valid until the next append. The first call after
    // appending to the file maps it (once, under a lock: readers on several threads may ask at
    // the same moment).
    std::string_view view(uint64_t offset, uint64_t size) const;
    // Copies the text at [offset, offset + size) to `to`, read from the file (pread) rather than
    // through the mapping: for a reader on another thread whose reads would otherwise keep pages
    // of the mapping in the process while the mapping's own reader lets go of them.
    void copy(uint64_t offset, uint64_t size, char* to) const;
    uint64_t size() const { return written_ + pending_.size(); }
    // Gives back the pages of the file read so far (MADV_DONTNEED): they stay in the page cache,
    // and a view read again faults them back in. Safe while other threads read views. Readers
    // going through every finding call it now and then, so a heavy run never holds all of it.
    void letGoOfReadPages() const;
    // The same for the texts in blocks [first, first + count) of kBlock bytes only: for a reader
    // that knows it is done with that stretch but not with the others, whose pages stay mapped.
    void letGoOfBlocks(uint64_t first, uint64_t count) const;
    // Once nothing more is appended, for the last reader: the texts in [index * kBlock,
    // (index + 1) * kBlock) will not be read again. That stretch of the file goes back to the
    // system at once (a hole punched in it) instead of when this goes, so that what the reader
    // writes meanwhile (a dry run's JSONL, as large as the texts) takes its pages again rather
    // than memory the machine has not used lately, which costs several times more on the virtual
    // machines Patrol is measured on (bench/README.md, "Memory not used lately"). A view into it
    // reads zeros afterwards. Texts held in memory stay; so do the file's pages where its file
    // system cannot punch holes. Safe while other threads read views elsewhere.
    void forgetBlock(uint64_t index) const;
    // Whether the texts went to a file (for tests and the benchmark's notes).
    bool spilled() const { return fd_ >= 0; }
    // Whether texts past kSpillAfter had to stay in memory: no file could be made in the
    // temporary folder, or writing it failed. The run then tells its user why it took more memory.
    bool keptInMemory() const { return failed_; }

private:
    void spill();                  // opens the file and writes what memory holds
    bool writeOut(const char* data, size_t size);
    void backToMemory();           // the file failed: its texts read back into memory
    const char* mapping() const;   // the file mapped up to written_
    void unmap();
    void release();

    // Memory mode: every text. With a file: the texts not yet written (at most a block).
    data::PodBuffer<char> pending_;
    uint64_t written_ = 0;  // bytes in the file
    int fd_ = -1;
    bool failed_ = false;   // the file could not be made or written: memory from then on
    mutable std::mutex mapping_;
    mutable std::atomic<const char*> map_{nullptr};
    mutable std::atomic<size_t> mapped_{0};  // bytes map_ covers
};

}  // namespace patrol::plugins
