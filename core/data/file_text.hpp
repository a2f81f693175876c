// The bytes of one dataset file, read in one go. A UTF-8 file is mapped, not copied, and the
// reader hands back the part it has consumed so peak memory stays near the size of the typed
// columns rather than file + columns. A file that turns out not to be UTF-8 is converted
// whole from GB18030.
#pragma once

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
    // other threads read the text: a page read again is simply read again from the file.
    void release(const char* begin, const char* end);

private:
    void map();
    void unmap();
    [[noreturn]] void refuseSpecialFile(unsigned mode) const;
    void acceptCrLineEnds();

    std::filesystem::path path_;
    char* map_ = nullptr;
    size_t mapSize_ = 0;
    ShrinkGuard guard_;  // a truncation while mapped exits 2 naming the file, not SIGBUS
    Utf8Text ownText_;  // the text converted from GB18030, or with its CR line ends made LF
    std::string_view text_;
    bool converted_ = false;
};

}  // namespace patrol::data
