#include "core/services/zip_unpack.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <set>

#include "core/domain/errors.hpp"

namespace patrol::services {

namespace fs = std::filesystem;

namespace {

constexpr uint32_t kLocalSignature = 0x04034b50;
constexpr uint32_t kCentralSignature = 0x02014b50;
constexpr uint32_t kEndSignature = 0x06054b50;
constexpr size_t kEndSize = 22;
constexpr size_t kCentralSize = 46;
constexpr size_t kLocalSize = 30;
constexpr uint16_t kMethodStored = 0;
constexpr uint16_t kMethodDeflated = 8;
constexpr uint8_t kHostUnix = 3;
constexpr uint32_t kUnixTypeMask = 0170000, kUnixRegular = 0100000, kUnixDirectory = 0040000, kUnixLink = 0120000;

uint16_t u16(const unsigned char* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
uint32_t u32(const unsigned char* p) { return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) | (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24); }

struct Entry {
    std::string name;  // as stored in the archive
    uint8_t host = 0;
    uint16_t flags = 0, method = 0;
    uint32_t crc = 0, packedSize = 0, size = 0, externalAttributes = 0, localOffset = 0;
    bool isDirectory() const { return !name.empty() && name.back() == '/'; }
};

class Refusals {
public:
    explicit Refusals(std::string archiveName) : archive_(std::move(archiveName)) {}
    [[noreturn]] void invalid(const std::string& rest) const {
        throw InvalidInput("file", "数据文件", "：压缩包「" + archive_ + "」" + rest);
    }
    [[noreturn]] void corrupt(const std::string& found) const {
        invalid("无法读取（" + found + "）：应是用常见压缩软件打成的 zip 包。请重新压缩后再上传，或直接上传其中的 CSV 文件。");
    }
    [[noreturn]] void entry(const std::string& name, const std::string& found) const {
        invalid("中的「" + name + "」" + found);
    }
    const std::string& archive() const { return archive_; }

private:
    std::string archive_;
};

bool validUtf8(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const size_t more = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 9;
        if (more == 9 || i + more >= s.size() + (more == 0 ? 1 : 0)) return false;
        for (size_t k = 1; k <= more; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += more + 1;
    }
    return true;
}

// A name that stays inside the folder it is unpacked into: relative, '/'-separated, no '.' or
// '..' parts, no control characters. Shown back to the user, so it must be readable text.
void checkName(const Refusals& refuse, const std::string& name) {
    if (!validUtf8(name))
        refuse.invalid("中有文件名不是 UTF-8 编码的文件：应使用数据规范中的英文文件名（例如 expenses.csv）。请改名后重新压缩再上传。");
    if (name.empty() || name == "/") refuse.invalid("中有一个没有名称的条目：应只含名称与数据规范一致的 CSV 文件。请重新压缩后再上传。");
    if (name.find('\\') != std::string::npos)
        refuse.entry(name, "含有反斜杠：压缩包中的路径应以 / 分隔且不能指向压缩包以外。请用常见压缩软件重新压缩后再上传。");
    if (name.front() == '/' || (name.size() >= 2 && std::isalpha(static_cast<unsigned char>(name[0])) && name[1] == ':'))
        refuse.entry(name, "是绝对路径：压缩包中应只有相对路径（文件直接放在压缩包里或其中一个文件夹里）。请重新压缩后再上传。");
    if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        refuse.entry(name, "含有控制字符：文件名应只含可见字符。请改名后重新压缩再上传。");
    const std::string body = name.back() == '/' ? name.substr(0, name.size() - 1) : name;
    size_t start = 0;
    while (start <= body.size()) {
        const size_t end = std::min(body.find('/', start), body.size());
        const std::string part = body.substr(start, end - start);
        if (part == "..") refuse.entry(name, "指向压缩包以外的位置（含有 ..）：应只含压缩包内的文件。请重新压缩后再上传。");
        if (part.empty() || part == ".") refuse.entry(name, "的路径不规范（含有空的或为 . 的部分）：应形如 expenses.csv 或 文件夹/expenses.csv。请重新压缩后再上传。");
        start = end + 1;
    }
}

bool hasCsvExtension(const std::string& name) {
    if (name.size() <= 4) return false;
    std::string tail = name.substr(name.size() - 4);
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
    return tail == ".csv";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::vector<unsigned char> readAt(std::ifstream& in, uint64_t offset, size_t size, const Refusals& refuse) {
    std::vector<unsigned char> bytes(size);
    in.clear();
    in.seekg(static_cast<std::streamoff>(offset));
    if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
        refuse.corrupt("内容不完整");
    return bytes;
}

std::vector<Entry> readDirectory(std::ifstream& in, uint64_t fileSize, const ZipLimits& limits, const Refusals& refuse) {
    if (fileSize < kEndSize) refuse.corrupt("文件太短，不是 zip 包");
    // The end record is within the last 22 + 65535 bytes (its comment is at most 65535 bytes).
    const uint64_t tailSize = std::min<uint64_t>(fileSize, kEndSize + 65535);
    const auto tail = readAt(in, fileSize - tailSize, static_cast<size_t>(tailSize), refuse);
    size_t at = tail.size() - kEndSize + 1;
    bool found = false;
    while (at-- > 0)
        if (u32(&tail[at]) == kEndSignature) { found = true; break; }
    if (!found) refuse.corrupt("找不到 zip 目录");
    const unsigned char* end = &tail[at];
    const uint16_t count = u16(end + 10);
    const uint32_t directorySize = u32(end + 12), directoryOffset = u32(end + 16);
    if (u16(end + 4) != 0 || u16(end + 6) != 0 || u16(end + 8) != count) refuse.corrupt("分卷压缩包");
    if (count > limits.maxEntries)
        throw TooLarge("数据文件：压缩包「" + refuse.archive() + "」有 " + std::to_string(count) + " 个条目，超过上限 " +
                       std::to_string(limits.maxEntries) + " 个。请只打包本次检查需要的 CSV 文件，或分几次上传。");
    if (directoryOffset == 0xFFFFFFFFu || count == 0xFFFF) refuse.corrupt("ZIP64 格式的超大压缩包");
    if (static_cast<uint64_t>(directoryOffset) + directorySize > fileSize - tailSize + at) refuse.corrupt("目录位置超出文件");
    const auto directory = readAt(in, directoryOffset, directorySize, refuse);
    std::vector<Entry> entries;
    size_t pos = 0;
    for (uint16_t i = 0; i < count; ++i) {
        if (pos + kCentralSize > directory.size() || u32(&directory[pos]) != kCentralSignature) refuse.corrupt("目录损坏");
        const unsigned char* h = &directory[pos];
        Entry e;
        e.host = static_cast<uint8_t>(u16(h + 4) >> 8);
        e.flags = u16(h + 8);
        e.method = u16(h + 10);
        e.crc = u32(h + 16);
        e.packedSize = u32(h + 20);
        e.size = u32(h + 24);
        const size_t nameLength = u16(h + 28), extraLength = u16(h + 30), commentLength = u16(h + 32);
        e.externalAttributes = u32(h + 38);
        e.localOffset = u32(h + 42);
        if (pos + kCentralSize + nameLength + extraLength + commentLength > directory.size()) refuse.corrupt("目录损坏");
        e.name.assign(reinterpret_cast<const char*>(h + kCentralSize), nameLength);
        pos += kCentralSize + nameLength + extraLength + commentLength;
        entries.push_back(std::move(e));
    }
    return entries;
}

// Inflates (or copies) one entry into `target`, counting every byte against what is left of the
// limit; the sizes the archive declares are checked, never relied on.
void unpackEntry(std::ifstream& in, uint64_t fileSize, const Entry& e, const std::string& shownName, const fs::path& target,
                 int64_t& budget, const ZipLimits& limits, const Refusals& refuse) {
    const auto local = readAt(in, e.localOffset, kLocalSize, refuse);
    if (u32(local.data()) != kLocalSignature) refuse.corrupt("文件「" + shownName + "」的记录损坏");
    const uint64_t dataStart = uint64_t{e.localOffset} + kLocalSize + u16(&local[26]) + u16(&local[28]);
    if (dataStart + e.packedSize > fileSize) refuse.corrupt("文件「" + shownName + "」的内容超出压缩包");
    in.clear();
    in.seekg(static_cast<std::streamoff>(dataStart));

    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out) throw InternalError("cannot write " + target.string());
    uint64_t written = 0;
    uLong crc = crc32(0L, Z_NULL, 0);
    auto emit = [&](const unsigned char* bytes, size_t n) {
        written += n;
        budget -= static_cast<int64_t>(n);
        if (budget < 0)
            throw TooLarge("数据文件：压缩包「" + refuse.archive() + "」解压后超过 " + std::to_string(limits.maxUnpackedBytes) +
                           " 字节的上限（解压到「" + shownName + "」时超出）。请分几次上传，或请管理员调整配置项 check.zip_max_unpacked_bytes。");
        if (written > e.size) refuse.entry(shownName, "解压后比压缩包声明的大小更大：压缩包已损坏或被改动。请重新压缩后再上传。");
        crc = crc32(crc, bytes, static_cast<uInt>(n));
        if (!out.write(reinterpret_cast<const char*>(bytes), static_cast<std::streamsize>(n))) throw InternalError("cannot write " + target.string());
    };

    std::vector<unsigned char> packed(65536), plain(65536);
    uint64_t left = e.packedSize;
    if (e.method == kMethodStored) {
        while (left > 0) {
            const size_t n = static_cast<size_t>(std::min<uint64_t>(left, packed.size()));
            if (!in.read(reinterpret_cast<char*>(packed.data()), static_cast<std::streamsize>(n))) refuse.corrupt("内容不完整");
            emit(packed.data(), n);
            left -= n;
        }
    } else {
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw InternalError("zlib inflateInit2 failed");
        struct End { z_stream* z; ~End() { inflateEnd(z); } } endGuard{&z};
        int status = Z_OK;
        while (status != Z_STREAM_END) {
            if (z.avail_in == 0) {
                if (left == 0) refuse.entry(shownName, "的压缩数据不完整：压缩包已损坏。请重新压缩后再上传。");
                const size_t n = static_cast<size_t>(std::min<uint64_t>(left, packed.size()));
                if (!in.read(reinterpret_cast<char*>(packed.data()), static_cast<std::streamsize>(n))) refuse.corrupt("内容不完整");
                left -= n;
                z.next_in = packed.data();
                z.avail_in = static_cast<uInt>(n);
            }
            z.next_out = plain.data();
            z.avail_out = static_cast<uInt>(plain.size());
            status = inflate(&z, Z_NO_FLUSH);
            if (status != Z_OK && status != Z_STREAM_END) refuse.entry(shownName, "的压缩数据已损坏，无法解压。请重新压缩后再上传。");
            emit(plain.data(), plain.size() - z.avail_out);
        }
    }
    if (written != e.size || static_cast<uint32_t>(crc) != e.crc)
        refuse.entry(shownName, "解压后的内容与压缩包记录的校验值不符：压缩包已损坏。请重新压缩后再上传。");
    out.close();
    if (!out) throw InternalError("cannot write " + target.string());
}

}  // namespace

bool looksLikeZip(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    unsigned char head[4] = {};
    if (!in.read(reinterpret_cast<char*>(head), 4)) return false;
    const uint32_t signature = u32(head);
    return signature == kLocalSignature || signature == kEndSignature;
}

std::vector<std::string> unpackCsvZip(const fs::path& archive, const std::string& archiveName, const fs::path& into,
                                      const ZipLimits& limits, const std::function<void(size_t, size_t)>& fileDone) {
    const Refusals refuse(archiveName);
    std::ifstream in(archive, std::ios::binary);
    if (!in) throw InternalError("cannot read " + archive.string());
    const uint64_t fileSize = fs::file_size(archive);
    const auto entries = readDirectory(in, fileSize, limits, refuse);

    // Every entry is judged before the first byte is written.
    std::vector<const Entry*> files;
    std::vector<std::string> names;
    std::set<std::string> seen;
    std::optional<std::string> folder;  // the one folder the files are in ("" for the top level)
    for (const auto& e : entries) {
        checkName(refuse, e.name);
        const uint32_t unixType = (e.externalAttributes >> 16) & kUnixTypeMask;
        if (e.host == kHostUnix && unixType == kUnixLink)
            refuse.entry(e.name, "是符号链接：压缩包中应只有普通的 CSV 文件。请把实际文件放进压缩包后再上传。");
        if (e.host == kHostUnix && unixType != 0 && unixType != kUnixRegular && unixType != kUnixDirectory)
            refuse.entry(e.name, "不是普通文件：压缩包中应只有 CSV 文件。请重新压缩后再上传。");
        const size_t depth = static_cast<size_t>(std::count(e.name.begin(), e.name.end(), '/')) - (e.isDirectory() ? 1 : 0);
        if (depth > 1)
            refuse.entry(e.name, "在多层文件夹中：CSV 文件应直接放在压缩包里，或放在其中一个文件夹里。请重新压缩后再上传。");
        if (e.isDirectory()) continue;
        const std::string here = depth == 0 ? "" : e.name.substr(0, e.name.find('/'));
        if (folder && *folder != here)
            refuse.entry(e.name, "与其他文件不在同一个文件夹中：CSV 文件应全部直接放在压缩包里，或全部放在同一个文件夹里。请重新压缩后再上传。");
        folder = here;
        const std::string name = depth == 0 ? e.name : e.name.substr(e.name.find('/') + 1);
        if (!hasCsvExtension(name))
            refuse.entry(e.name, "不是 CSV 文件：压缩包中应只有扩展名为 .csv 的台账文件。请去掉其他文件后重新压缩再上传。");
        if (!seen.insert(lower(name)).second)
            refuse.entry(e.name, "在压缩包中出现了两次：每个文件名只能出现一次。请去掉重复的文件后重新压缩再上传。");
        if (e.flags & 0x1) refuse.entry(e.name, "已加密：应上传未加密的压缩包。请去掉密码后重新压缩再上传。");
        if (e.method != kMethodStored && e.method != kMethodDeflated)
            refuse.entry(e.name, "使用了不支持的压缩方式：应使用常见的 zip（deflate）压缩。请重新压缩后再上传。");
        if (e.size == 0xFFFFFFFFu || e.packedSize == 0xFFFFFFFFu || e.localOffset == 0xFFFFFFFFu)
            refuse.entry(e.name, "是 ZIP64 格式的超大文件：不支持。请分几次上传，或直接上传 CSV 文件。");
        files.push_back(&e);
        names.push_back(name);
    }
    if (files.empty())
        refuse.invalid("中没有 CSV 文件：应含有名称与数据规范一致的 CSV 台账文件（例如 expenses.csv）。请重新压缩后再上传。");

    int64_t budget = limits.maxUnpackedBytes;
    for (size_t i = 0; i < files.size(); ++i) {
        unpackEntry(in, fileSize, *files[i], files[i]->name, into / names[i], budget, limits, refuse);
        if (fileDone) fileDone(i + 1, files.size());
    }
    return names;
}

}  // namespace patrol::services
