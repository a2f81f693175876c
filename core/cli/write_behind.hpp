// A stream buffer that writes straight to a regular file and gives the page cache back behind
// itself: each mebibyte written is sent to the disk at once, and its pages are dropped once
// clean (tried 2 MiB later, again 8 MiB later; a page still being written stays cached). For
// the JSONL of a findings-heavy check, hundreds of megabytes that would otherwise take that
// much fresh memory. On the virtual machines Patrol is measured on, a page of memory not used
// lately costs 10-12 µs on first write and a page given back a moment ago 1-2 µs, so the file's
// later pages come cheap (bench/README.md, "Memory not used lately"). Nothing ever waits for
// the disk: with a slow disk, more of the file simply stays cached, as without this.
#pragma once

#include "core/cli/descriptor_output.hpp"

#include <sys/types.h>

namespace patrol::cli {

class WriteBehindBuffer : public DescriptorOutput {
public:
    // `fd` stays open and owned by the caller; it must be a regular file open for writing.
    explicit WriteBehindBuffer(int fd);
    ~WriteBehindBuffer() override;

    // True when `fd` is a regular file: pipes, terminals and devices have no pages to give back.
    static bool suits(int fd);

protected:
    void written() override;  // hands pages back behind the writes

private:
    // All three start where this buffer's writes begin: the file before that is left alone.
    off_t sent_ = 0;     // writeback started up to here
    off_t tried_ = 0;    // dropping tried up to here, at the first distance
    off_t retried_ = 0;  // and up to here at the second
};

}  // namespace patrol::cli
