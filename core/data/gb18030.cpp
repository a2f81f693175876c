#include "core/data/gb18030.hpp"

#include <iconv.h>

#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <system_error>
#include <thread>
#include <vector>

namespace patrol::data {

namespace {

// Below this one thread converts: a second one would cost about as much to start as it saves.
constexpr size_t kWorthTwoThreads = size_t{4} << 20;

enum class Outcome { converted, notGb18030, noRoom };

// Where a conversion got to: bytes put out, and bytes taken in (where one that failed stopped).
struct Progress {
    size_t written = 0;
    size_t consumed = 0;
};

// glibc's converter from GB18030 to UTF-8, opened at its first use. A handle keeps state: one
// per thread.
class Iconv {
public:
    Iconv() = default;
    ~Iconv() {
        if (open_) iconv_close(cd_);
    }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;

    // Converts `bytes` into the `room` bytes at `dst`.
    Outcome convert(std::string_view bytes, char* dst, size_t room, Progress& progress) {
        progress = {};
        if (!open_) {
            cd_ = iconv_open("UTF-8", "GB18030");
            if (cd_ == reinterpret_cast<iconv_t>(-1)) return Outcome::notGb18030;
            open_ = true;
        }
        iconv(cd_, nullptr, nullptr, nullptr, nullptr);  // back to the initial state after a failure
        char* in = const_cast<char*>(bytes.data());
        size_t inLeft = bytes.size();
        char* out = dst;
        size_t outLeft = room;
        const size_t result = iconv(cd_, &in, &inLeft, &out, &outLeft);
        const int error = errno;
        progress = {room - outLeft, bytes.size() - inLeft};
        if (result != static_cast<size_t>(-1)) return Outcome::converted;
        // EILSEQ or EINVAL: not GB18030, or cut in the middle of a character.
        return error == E2BIG ? Outcome::noRoom : Outcome::notGb18030;
    }

private:
    iconv_t cd_{};
    bool open_ = false;
};

// Room for a text of `bytes` bytes once converted: a Chinese character grows from 2 bytes to 3.
size_t roomFor(size_t bytes) { return bytes + bytes / 2 + 16; }

// The two-byte characters, which are nearly all of a Chinese text's: each one's UTF-8 bytes
// (up to three) and their count in the top byte, 0 for a pair that is not a character. Taken
// from iconv once (under a millisecond), so that the two always agree.
class PairTable {
public:
    static constexpr unsigned kFirstLead = 0x81, kLeads = 0xFE - kFirstLead + 1;
    static constexpr unsigned kFirstTrail = 0x40, kTrails = 0xFE - kFirstTrail + 1;

    PairTable() : entries_(kLeads * kTrails, 0) {
        static_assert(std::endian::native == std::endian::little, "an entry keeps a character's bytes in its low bytes");
        Iconv converter;
        for (unsigned lead = 0; lead < kLeads; ++lead)
            for (unsigned trail = 0; trail < kTrails; ++trail) {
                const char pair[2] = {static_cast<char>(kFirstLead + lead), static_cast<char>(kFirstTrail + trail)};
                char utf8[3] = {};
                Progress p;
                if (converter.convert({pair, 2}, utf8, 3, p) != Outcome::converted || p.written == 0) continue;
                uint32_t entry = static_cast<uint32_t>(p.written) << 24;
                std::memcpy(&entry, utf8, 3);
                entries_[lead * kTrails + trail] = entry;
            }
    }

    // The entry of the pair at p (two bytes readable).
    uint32_t at(const unsigned char* p) const {
        const unsigned lead = p[0] - kFirstLead, trail = p[1] - kFirstTrail;
        return lead < kLeads && trail < kTrails ? entries_[lead * kTrails + trail] : 0;
    }

    static const PairTable& instance() {
        static const PairTable table;
        return table;
    }

private:
    std::vector<uint32_t> entries_;
};

// Converts as Iconv::convert does, stopping where it stops: runs of ASCII and two-byte
// characters from the table, anything else (four-byte characters, bytes that are not
// GB18030) by iconv, the next four bytes at a time. About twice as fast a thread as iconv
// alone, which takes each character through UCS-4.
Outcome decodeInto(std::string_view bytes, char* dst, size_t room, Progress& progress) {
    const PairTable& pairs = PairTable::instance();
    Iconv rest;  // for the characters the table does not hold
    const auto* in = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t size = bytes.size();
    size_t i = 0, o = 0;
    while (i < size) {
        if (room - o < 8) {
            progress = {o, i};
            return Outcome::noRoom;
        }
        if (size - i >= 8) {
            uint64_t eight;
            std::memcpy(&eight, in + i, 8);
            if ((eight & 0x8080808080808080ull) == 0) {
                std::memcpy(dst + o, &eight, 8);
                i += 8;
                o += 8;
                continue;
            }
        }
        if (in[i] < 0x80) {
            dst[o++] = static_cast<char>(in[i++]);
            continue;
        }
        if (size - i >= 2) {
            if (const uint32_t entry = pairs.at(in + i)) {
                std::memcpy(dst + o, &entry, 4);  // the fourth byte is written over next, or cut off
                o += entry >> 24;
                i += 2;
                continue;
            }
        }
        Progress p;
        const Outcome outcome = rest.convert(bytes.substr(i, 4), dst + o, room - o, p);
        o += p.written;
        i += p.consumed;
        if (p.consumed == 0 && outcome != Outcome::converted) {
            progress = {o, i};
            return outcome;
        }
    }
    progress = {o, i};
    return Outcome::converted;
}

// decodeInto a slice at a time, each cut just after a line feed, telling `converted` of each
// slice done (input offsets from `base`): a large file's pages go back while the rest converts.
Outcome decodeInSlices(std::string_view bytes, size_t base, char* dst, size_t room, Progress& progress, const ConvertedInput& converted) {
    if (!converted) return decodeInto(bytes, dst, room, progress);
    constexpr size_t kSlice = size_t{2} << 20;
    Progress done;
    while (done.consumed < bytes.size()) {
        size_t end = bytes.size();
        if (end - done.consumed > kSlice) {
            const size_t lineFeed = bytes.find('\n', done.consumed + kSlice);
            if (lineFeed != std::string_view::npos) end = lineFeed + 1;
        }
        Progress p;
        const size_t from = done.consumed;
        const Outcome outcome = decodeInto(bytes.substr(from, end - from), dst + done.written, room - done.written, p);
        done.written += p.written;
        done.consumed += p.consumed;
        if (outcome != Outcome::converted) {
            progress = done;
            return outcome;
        }
        converted(base + from, base + done.consumed);
    }
    progress = done;
    return Outcome::converted;
}

// Converts all of `bytes` into `out`, from `convert` into as much room as it needs.
template <class Convert>
bool convertGrowing(std::string_view bytes, Utf8Text& out, size_t& badOffset, Convert convert) {
    Utf8Text buffer(roomFor(bytes.size()));
    Progress done;
    for (;;) {
        Progress p;
        const Outcome outcome = convert(bytes.substr(done.consumed), buffer.data() + done.written, buffer.room() - done.written, p);
        done.written += p.written;
        done.consumed += p.consumed;
        if (outcome == Outcome::noRoom) {
            buffer.grow(2 * buffer.room());
            continue;
        }
        badOffset = done.consumed;
        buffer.setSize(done.written);
        out = std::move(buffer);
        return outcome == Outcome::converted;
    }
}

bool decodeGrowing(std::string_view bytes, Utf8Text& out, size_t& badOffset) { return convertGrowing(bytes, out, badOffset, decodeInto); }

}  // namespace

namespace detail {

bool convertGb18030InOnePass(std::string_view bytes, Utf8Text& out, size_t& badOffset) {
    Iconv converter;
    return convertGrowing(bytes, out, badOffset,
                          [&](std::string_view in, char* dst, size_t room, Progress& p) { return converter.convert(in, dst, room, p); });
}

}  // namespace detail

bool convertGb18030ToUtf8(std::string_view bytes, Utf8Text& out, size_t& badOffset, const ConvertedInput& converted) {
    if (bytes.size() < kWorthTwoThreads) return decodeGrowing(bytes, out, badOffset);
    // A line feed is never part of a GB18030 character (the bytes after a character's first are
    // 0x30-0x39 and 0x40-0xFE), so the text cut just after one converts as two texts.
    const size_t lineFeed = bytes.find('\n', bytes.size() / 2);
    if (lineFeed == std::string_view::npos) return decodeGrowing(bytes, out, badOffset);
    const std::string_view first = bytes.substr(0, lineFeed + 1), second = bytes.substr(lineFeed + 1);
    const size_t firstRoom = roomFor(first.size()), secondRoom = roomFor(second.size());
    Utf8Text buffer(firstRoom + secondRoom);

    Outcome secondOutcome = Outcome::notGb18030;
    Progress secondDone;
    std::thread helper;
    try {
        helper = std::thread([&] { secondOutcome = decodeInSlices(second, first.size(), buffer.data() + firstRoom, secondRoom, secondDone, converted); });
    } catch (const std::system_error&) {
        return decodeGrowing(bytes, out, badOffset);  // no second thread
    }
    Progress firstDone;
    const Outcome firstOutcome = decodeInSlices(first, 0, buffer.data(), firstRoom, firstDone, converted);
    helper.join();

    // Should a half grow past its room: one pass, which makes room as it goes.
    if (firstOutcome == Outcome::noRoom || secondOutcome == Outcome::noRoom) return decodeGrowing(bytes, out, badOffset);
    if (firstOutcome != Outcome::converted || secondOutcome != Outcome::converted) {
        badOffset = firstOutcome != Outcome::converted ? firstDone.consumed : first.size() + secondDone.consumed;
        out = {};
        return false;
    }
    std::memmove(buffer.data() + firstDone.written, buffer.data() + firstRoom, secondDone.written);
    buffer.setSize(firstDone.written + secondDone.written);  // the second half's old place past the text goes back
    out = std::move(buffer);
    badOffset = bytes.size();
    return true;
}

}  // namespace patrol::data
