// The bytes of one dataset file, read in one go. A UTF-8 file is mapped, not copied, and the
// reader hands back the part it has consumed so peak memory stays near the size of the typed
// columns rather than file + columns. A file that turns out not to be UTF-8 is converted
// whole from GB18030.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/data/gb18030.hpp"
#include "core/data/shrink_guard.hpp"

namespace patrol::data {

// What a file that is not a regular file is, in words: 命名管道（FIFO）, 目录, 字符设备 …
std::string specialFileKind(unsigned mode);

class FileText {
public:
    // Maps the file. Throws UserError when it cannot be read.
    explicit FileText(std::filesystem::path path);
    ~FileText();
    FileText(const FileText&) = delete;
    FileText& operator=(const FileText&) = delete;

    // The text without a UTF-8 byte-order mark.
    std::string_view text() const { return text_; }
    bool convertedFromGb18030() const { return converted_; }

    // Replaces the text by the whole file converted from GB18030 to UTF-8. Throws UserError
    // when the file is not GB18030 either.
    void convertFromGb18030();

    // Gives the pages of [begin, end) (pointers into text()) back to the system. Safe while
    // other threads read the text: a page of the mapped file read again is simply read again
    // from it. A text of its own (converted, or its CRs made LF) has only its whole pages inside
    // [begin, end) given back, and they read as zeros afterwards: the caller reads them no more,
    // or calls readAgain() first.
    void release(const char* begin, const char* end);
    // Makes the text whole again after pages of a text of its own went back (a reader that must
    // read it again from an earlier place): it is made again from the file. False, with nothing
    // done, when no such page went back. Not while other threads read the text.
    bool readAgain();

private:
    void map();
    void unmap();
    [[noreturn]] void refuseSpecialFile(unsigned mode) const;
    void acceptCrLineEnds();
    void releaseMapped(size_t begin, size_t end);  // offsets into the mapped file

    std::filesystem::path path_;
    char* map_ = nullptr;
    size_t mapSize_ = 0;
    ShrinkGuard guard_;  // a truncation while mapped exits 2 naming the file, not SIGBUS
    Utf8Text ownText_;  // the text converted from GB18030, or with its CR line ends made LF
    std::atomic<bool> gaveBackOwnText_{false};  // release() took pages of ownText_
    std::string_view text_;
    bool converted_ = false;
};

}  // namespace patrol::data
