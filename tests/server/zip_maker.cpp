#include "zip_maker.hpp"

#include <zlib.h>

#include <stdexcept>

namespace patrol::testing {

namespace {

void put16(std::string& out, uint32_t v) {
    out += static_cast<char>(v & 0xff);
    out += static_cast<char>((v >> 8) & 0xff);
}
void put32(std::string& out, uint32_t v) {
    put16(out, v & 0xffff);
    put16(out, v >> 16);
}

std::string deflated(const std::string& plain) {
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit2");
    std::string out(deflateBound(&z, plain.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    z.avail_in = static_cast<uInt>(plain.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

}  // namespace

std::string zipArchive(const std::vector<ZipEntry>& entries) {
    std::string body, directory;
    for (const auto& e : entries) {
        const std::string packed = e.deflate ? deflated(e.content) : e.content;
        const uint32_t crc = static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(e.content.data()), static_cast<uInt>(e.content.size())));
        const uint32_t size = e.declaredSize.value_or(static_cast<uint32_t>(e.content.size()));
        const uint16_t method = e.deflate ? 8 : 0;
        const uint32_t offset = static_cast<uint32_t>(body.size());
        put32(body, 0x04034b50);
        put16(body, 20);
        put16(body, 0x0800);  // names in UTF-8
        put16(body, method);
        put32(body, 0);  // time and date
        put32(body, crc);
        put32(body, static_cast<uint32_t>(packed.size()));
        put32(body, size);
        put16(body, static_cast<uint32_t>(e.name.size()));
        put16(body, 0);
        body += e.name + packed;

        put32(directory, 0x02014b50);
        put16(directory, (3u << 8) | 20);  // made on Unix: the mode below is meaningful
        put16(directory, 20);
        put16(directory, 0x0800);
        put16(directory, method);
        put32(directory, 0);
        put32(directory, crc);
        put32(directory, static_cast<uint32_t>(packed.size()));
        put32(directory, size);
        put16(directory, static_cast<uint32_t>(e.name.size()));
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put32(directory, e.unixMode << 16);
        put32(directory, offset);
        directory += e.name;
    }
    std::string out = body + directory;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<uint32_t>(entries.size()));
    put16(out, static_cast<uint32_t>(entries.size()));
    put32(out, static_cast<uint32_t>(directory.size()));
    put32(out, static_cast<uint32_t>(body.size()));
    put16(out, 0);
    return out;
}

}  // namespace patrol::testing
