// How much of a hostile file the reader agrees to hold or list (settings data.max_field_bytes,
// data.max_line_bytes, data.max_listed_rejects). A row past a size limit is rejected by its
// line number without its text being copied; rejects are counted in full but only the first
// ones are kept, so a file of a million bad rows costs a count, not a million messages.
#pragma once

#include "core/domain/excerpt.hpp"

#include <cstddef>
#include <cstdint>

namespace patrol::data {

struct ReadLimits {
    size_t maxFieldBytes = size_t{1} << 20;   // one value
    size_t maxLineBytes = size_t{4} << 20;    // one record, all its fields and line ends
    size_t maxListedRejects = 100;            // rejects kept for listing (the rest are counted)
    // One file's text (as UTF-8, after a GB18030 file is converted): a table's text columns
    // count their bytes in 32 bits, which holds the columns of a county's ledgers at half the
    // memory of 64. Not a setting; tests lower it.
    uint64_t maxFileBytes = UINT32_MAX;
    // The least of a file worth a thread of its own: smaller files are read in one stretch, and
    // no stretch is cut smaller. Not a setting; tests lower it so that small inputs are cut too.
    size_t smallestStretch = size_t{1} << 20;
    // Bytes a reading thread parses between its looks at whether another thread, out of work,
    // wants half of what its stretch has left (StretchBoard), and the least left that is worth
    // halving. Not settings; tests lower them.
    size_t shareSlice = size_t{256} << 10;
    size_t leastShared = size_t{2} << 20;
    // Every look halves what the stretch has left, as if a thread were waiting: stretches are
    // cut while they are parsed, which timing alone seldom does. Not a setting; for tests.
    bool shareAlways = false;
    // Rows split 64 bytes at a time where they can be (RecordScanner's fast rows); false reads
    // every row byte by byte. Not a setting; tests compare the two.
    bool fastRows = true;
    // String columns whose texts repeat are kept coded (each distinct text once, a code per row;
    // patrol_column::text_codes), which only a plugin built against ABI 1.3 or later reads. Not
    // a setting: the check turns it on for such a plugin.
    bool textCodes = false;
    // Rows between the reader's looks at whether a coded column still pays (TableBuilder). Not a
    // setting; tests lower it so that small inputs spell columns out too.
    size_t codingReview = 8192;
};

using domain::excerpt;

}  // namespace patrol::data
