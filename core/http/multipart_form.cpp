#include "core/http/multipart_form.hpp"

#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>
#include <ext/stdio_filebuf.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>

#include "core/domain/errors.hpp"
#include "core/http/http_refusal.hpp"
#include "core/http/text_checks.hpp"

namespace patrol::http {

struct SpooledFile::Reader {
    __gnu_cxx::stdio_filebuf<char> buffer;
    std::istream stream;
    explicit Reader(int fd) : buffer(fd, std::ios::in), stream(&buffer) {}
};

SpooledFile::SpooledFile(const std::string& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    fd_ = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd_ < 0) throw InternalError("cannot create an upload spool file in " + folder + ": " + std::strerror(errno));
}

SpooledFile::~SpooledFile() {
    reader_.reset();  // does not own the descriptor
    if (fd_ >= 0) ::close(fd_);
}

void SpooledFile::write(const char* data, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw InternalError(std::string("writing an upload spool file: ") + std::strerror(errno));
        data += n, size -= static_cast<size_t>(n);
    }
}

std::istream& SpooledFile::read() {
    ::lseek(fd_, 0, SEEK_SET);
    reader_.reset();
    reader_ = std::make_unique<Reader>(::dup(fd_));
    return reader_->stream;
}

namespace {

std::string parameter(const std::string& headerValue, const std::string& name) {
    std::string value;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(headerValue, value, params);
    return params.get(name, "");
}

bool isMultipart(const std::string& contentType) {
    std::string lower = contentType.substr(0, contentType.find(';'));
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return lower == "multipart/form-data";
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The value starting at `at` (just past '=' and any spaces), with `at` moved past it. A quoted
// value runs to the next quote not escaped (an unclosed one, to the end). Browsers send Windows
// paths with bare backslashes, which the quoted-pair unescaping of splitParameters would glue
// together ("..\a\b" -> "..ab"); only \" is taken as an escape, so the service still sees the
// separators and keeps the last component.
std::string parameterValue(std::string_view text, size_t& at) {
    std::string value;
    if (at >= text.size() || text[at] != '"') {
        while (at < text.size() && text[at] != ';' && !isSpace(text[at])) value += text[at++];
        return value;
    }
    for (++at; at < text.size() && text[at] != '"'; ++at) {
        if (text[at] == '\\' && at + 1 < text.size()) {
            if (text[at + 1] != '"') value += '\\';
            ++at;
        }
        value += text[at];
    }
    if (at < text.size()) ++at;  // the closing quote
    return value;
}

// The filename parameter as sent, or nullopt for a part without one, which is a text field
// (parameter names are case-insensitive; a part with only filename*= is a file without a name).
// Scanned by hand one parameter after another: std::regex, which recursed once for every
// character, ran out of stack on a name of a few thousand characters (a header value may hold
// 8 KB) where threads are given small stacks.
std::optional<std::string> fileNameOf(std::string_view disposition) {
    std::optional<std::string> fileName;
    size_t at = 0;
    const auto skipSpaces = [&] {
        while (at < disposition.size() && isSpace(disposition[at])) ++at;
    };
    while (at < disposition.size()) {
        skipSpaces();
        const size_t nameStart = at;
        while (at < disposition.size() && disposition[at] != '=' && disposition[at] != ';' && !isSpace(disposition[at])) ++at;
        const std::string name(disposition.substr(nameStart, at - nameStart));
        skipSpaces();
        std::string value;
        if (at < disposition.size() && disposition[at] == '=') {
            ++at;
            skipSpaces();
            value = parameterValue(disposition, at);  // read whatever the name, so a quoted ';' is passed over
        }
        if (Poco::icompare(name, "filename") == 0) {
            // A browser on Windows may send the whole local path (C:\Users\…\报告.pdf): the file's
            // name is what follows its last backslash. (A name typed at this system's terminal keeps
            // its backslashes; there only '/' separates folders.)
            if (const size_t slash = value.find_last_of('\\'); slash != std::string::npos) value.erase(0, slash + 1);
            return value;
        }
        if (Poco::icompare(name, "filename*") == 0) fileName.emplace();
        while (at < disposition.size() && disposition[at] != ';') ++at;  // whatever else the parameter holds
        ++at;
    }
    return fileName;
}

const char* kCutOff = "上传的表单不完整（multipart/form-data 在中途断开或格式有误），未作任何改动。请重新上传。";

}  // namespace

MultipartForm MultipartForm::read(Exchange& exchange, const std::string& spoolFolder, int64_t fileLimit) {
    auto& request = exchange.request();
    if (!isMultipart(request.getContentType()))
        throw HttpRefusal(415, "unsupported_media_type",
                          "这个接口接受 multipart/form-data（带文件上传）或 application/json，收到的是「" + request.getContentType() + "」。");
    const std::string boundary = parameter(request.getContentType(), "boundary");
    if (boundary.empty()) throw HttpRefusal(400, "malformed_multipart", kCutOff);
    const int64_t bodyLimit = exchange.context().maxBodyBytes;
    if (request.hasContentLength() && request.getContentLength64() > bodyLimit)
        throw TooLarge("请求体超过上限 " + std::to_string(bodyLimit) + " 字节（配置项 server.max_body_bytes），已停止接收，未作任何改动。");

    MultipartForm form;
    int64_t total = 0;
    int fileCount = 0;
    try {
        Poco::Net::MultipartReader reader(request.stream(), boundary);
        while (reader.hasNextPart()) {
            Poco::Net::MessageHeader header;
            reader.nextPart(header);
            const std::string disposition = header.get("Content-Disposition", "");
            const std::string name = parameter(disposition, "name");
            if (name.empty()) throw HttpRefusal(400, "malformed_multipart", kCutOff);
            std::istream& in = reader.stream();
            char buffer[65536];
            std::optional<std::string> fileName = fileNameOf(disposition);
            if (!fileName) {
                std::string value;
                while (in) {
                    in.read(buffer, sizeof buffer);
                    value.append(buffer, static_cast<size_t>(in.gcount()));
                    if (static_cast<int64_t>(value.size()) > kMaxJsonBodyBytes)
                        throw HttpRefusal(413, "too_large", "表单字段 " + name + " 过长（超过 1 MiB）。", name);
                }
                requireCleanText(value, name, "表单字段 " + name);
                form.texts_[name] = value;
                continue;
            }
            if (++fileCount > kMaxFormFiles)
                throw HttpRefusal(413, "too_large",
                                  "一次上传的文件超过 " + std::to_string(kMaxFormFiles) + " 个，已停止接收，未作任何改动。请分几次上传。", name);
            FormFile file;
            file.fileName = std::move(*fileName);
            file.content = std::make_unique<SpooledFile>(spoolFolder);
            while (in) {
                in.read(buffer, sizeof buffer);
                const auto n = static_cast<size_t>(in.gcount());
                total += static_cast<int64_t>(n);
                if (total > bodyLimit)
                    throw TooLarge("请求体超过上限 " + std::to_string(bodyLimit) + " 字节（配置项 server.max_body_bytes），已停止接收，未作任何改动。");
                // Past the file's own limit only one byte more is kept: enough for the refusal.
                const uint64_t room = file.size > static_cast<uint64_t>(fileLimit) ? 0 : static_cast<uint64_t>(fileLimit) + 1 - file.size;
                const size_t keep = static_cast<size_t>(std::min<uint64_t>(room, n));
                file.content->write(buffer, keep);
                file.size += keep;
            }
            form.files_[name].push_back(std::move(file));
        }
    } catch (const Poco::Exception&) {
        throw HttpRefusal(400, "malformed_multipart", kCutOff);
    }
    return form;
}

std::optional<std::string> MultipartForm::text(const std::string& name) {
    read_.insert(name);
    const auto it = texts_.find(name);
    if (it == texts_.end()) return std::nullopt;
    return it->second;
}

std::vector<FormFile>& MultipartForm::files(const std::string& name) {
    read_.insert(name);
    return files_[name];
}

void MultipartForm::finish() const {
    for (const auto& [name, value] : texts_)
        if (!read_.count(name)) throw HttpRefusal(400, "unknown_field", "不认识的表单字段 " + name + "：这个接口不接受它。", name);
    for (const auto& [name, files] : files_)
        if (!read_.count(name) && !files.empty())
            throw HttpRefusal(400, "unknown_field", "不认识的表单字段 " + name + "：这个接口不接受它。", name);
}

}  // namespace patrol::http
