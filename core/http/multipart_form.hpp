// A multipart/form-data body (uploads from a browser or an API client): text fields, and files
// spooled to anonymous files on disk while reading, so no upload is held in memory and a killed
// server leaves nothing behind. The whole body is read and checked before any service runs: a
// body cut off mid-way is refused with nothing written.
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/http/exchange.hpp"

namespace patrol::http {

// An unlinked file (O_TMPFILE) holding one uploaded part; gone when closed.
class SpooledFile {
public:
    explicit SpooledFile(const std::string& folder);
    ~SpooledFile();
    SpooledFile(const SpooledFile&) = delete;
    SpooledFile& operator=(const SpooledFile&) = delete;
    void write(const char* data, size_t size);
    // The content from its start.
    std::istream& read();

private:
    int fd_ = -1;
    struct Reader;
    std::unique_ptr<Reader> reader_;
};

struct FormFile {
    std::string fileName;  // as the client named it; cleaned by the service before it is kept
    uint64_t size = 0;
    std::unique_ptr<SpooledFile> content;
};

// Each file part holds an open spool file until the request ends: past this many a form is
// refused (413), so one request cannot exhaust the server's file descriptors.
inline constexpr int kMaxFormFiles = 100;

class MultipartForm {
public:
    // `spoolFolder` holds the parts while the request lasts; each file part is spooled up to
    // `fileLimit` + 1 bytes, so the service sees it is too large and says so with its own limit.
    static MultipartForm read(Exchange& exchange, const std::string& spoolFolder, int64_t fileLimit);

    std::optional<std::string> text(const std::string& name);
    std::vector<FormFile>& files(const std::string& name);
    // HttpRefusal 400 "unknown_field" for a part no accessor asked for.
    void finish() const;

private:
    std::map<std::string, std::string> texts_;
    std::map<std::string, std::vector<FormFile>> files_;
    std::set<std::string> read_;
};

}  // namespace patrol::http
