// Text the reader makes itself rather than maps from a file: a file converted from GB18030, or
// one whose lone CRs were made line feeds. It lives in a PodBuffer, an anonymous mapping of its
// own, so that each page is first touched by the thread that writes it (nothing is cleared in
// advance), and so that the pages the reader is done with can go back to the system while it
// reads on, as the pages of a mapped file do: a GB18030 ledger otherwise held its whole UTF-8
// text beside the columns made from it, and its check took 2.6 times the file's size in memory.
#pragma once

#include "core/data/pod_buffer.hpp"

#include <cstddef>
#include <string_view>

namespace patrol::data {

class Utf8Text {
public:
    Utf8Text() = default;
    // Room for `room` bytes, none of them written yet; the text is empty.
    explicit Utf8Text(size_t room) { bytes_.reserve(room); }

    // The room is written through data() before setSize() says how much of it is the text.
    char* data() { return bytes_.data(); }
    const char* data() const { return bytes_.data(); }
    size_t size() const { return bytes_.size(); }
    size_t room() const { return bytes_.capacity(); }
    std::string_view view() const { return {data(), size()}; }

    // Room for `room` bytes in all, the bytes written so far kept (the mapping grows in place or
    // moves; nothing is copied).
    void grow(size_t room) { bytes_.reserve(room); }
    // The text is the first `size` bytes of the room (at most room()); the whole pages past them
    // go back to the system.
    void setSize(size_t size);
    // Gives the whole pages inside bytes [from, to) of the text back to the system; they read as
    // zeros afterwards. A page only partly inside stays: another thread may still read the rest
    // of it. Safe while other threads read elsewhere in the text.
    void giveBack(size_t from, size_t to) { bytes_.giveBack(from, to < size() ? to : size()); }

private:
    PodBuffer<char> bytes_;
};

}  // namespace patrol::data
