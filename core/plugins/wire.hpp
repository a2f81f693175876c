// The byte format an isolated plugin run streams to the host: frames of
// [kind: 1 byte][length: u32][payload], numbers little-endian as the machine has them
// (both ends are the same binary on the same machine).
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace patrol::plugins::wire {

// WorkingDay goes from the child to the host (i32 day); the host answers with one byte, 1 or 0.
// Progress (the share of the run done, a double) is handed on by the host as it arrives.
enum Kind : char { Finding = 'F', Log = 'L', Done = 'D', LoadFailed = 'E', WorkingDay = 'W', Progress = 'P' };

// A payload shorter than what it announces: the sender's output is broken. A type of its own, so
// that a reader tells it from what the receiving side itself refused.
struct TruncatedFrame : std::runtime_error {
    TruncatedFrame() : std::runtime_error("truncated frame") {}
};

class Writer {
public:
    void u8(uint8_t v) { raw(&v, 1); }
    void u32(uint32_t v) { raw(&v, 4); }
    void i32(int32_t v) { raw(&v, 4); }
    void i64(int64_t v) { raw(&v, 8); }
    void f64(double v) { raw(&v, 8); }
    void text(std::string_view s) {
        u32(static_cast<uint32_t>(s.size()));
        payload_.append(s.data(), s.size());
    }
    // The finished frame; the writer is empty again.
    std::string frame(Kind kind) {
        std::string out(1, static_cast<char>(kind));
        const uint32_t n = static_cast<uint32_t>(payload_.size());
        out.append(reinterpret_cast<const char*>(&n), 4);
        out += payload_;
        payload_.clear();
        return out;
    }

private:
    void raw(const void* p, size_t n) { payload_.append(static_cast<const char*>(p), n); }
    std::string payload_;
};

class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    bool atEnd() const { return pos_ >= bytes_.size(); }
    uint8_t u8() { return fixed<uint8_t>(); }
    uint32_t u32() { return fixed<uint32_t>(); }
    int32_t i32() { return fixed<int32_t>(); }
    int64_t i64() { return fixed<int64_t>(); }
    std::string text() { return std::string(textView()); }
    // The same text without a copy: valid as long as the bytes read.
    std::string_view textView() {
        const uint32_t n = u32();
        need(n);
        const std::string_view s = bytes_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    // The next complete frame, or false when the bytes end (possibly mid-frame: a crash).
    bool frame(Kind& kind, std::string_view& payload) {
        if (bytes_.size() - pos_ < 5) return false;
        uint32_t n;
        std::memcpy(&n, bytes_.data() + pos_ + 1, 4);
        if (bytes_.size() - pos_ - 5 < n) return false;
        kind = static_cast<Kind>(bytes_[pos_]);
        payload = bytes_.substr(pos_ + 5, n);
        pos_ += 5 + n;
        return true;
    }

private:
    void need(size_t n) const {
        if (bytes_.size() - pos_ < n) throw TruncatedFrame();
    }
    template <class T>
    T fixed() {
        need(sizeof(T));
        T v;
        std::memcpy(&v, bytes_.data() + pos_, sizeof(T));
        pos_ += sizeof(T);
        return v;
    }
    std::string_view bytes_;
    size_t pos_ = 0;
};

}  // namespace patrol::plugins::wire
